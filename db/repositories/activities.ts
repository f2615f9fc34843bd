import { desc } from 'drizzle-orm';
import type { ActivityRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { activities } from '../schema.ts';
import { scopeWhere } from './scope.ts';

export function activityRepository(db: Db): ActivityRepository {
  return {
    async create(input) {
      const [row] = await db.insert(activities).values(input).returning();
      if (!row) throw new Error('activity insert returned nothing');
      return row;
    },
    async listVisible(scope, opts = {}) {
      return db
        .select()
        .from(activities)
        .where(scopeWhere(scope, activities.authorId, activities.teamId))
        .orderBy(desc(activities.occurredAt), desc(activities.id))
        .limit(opts.limit ?? 100);
    },
  };
}
