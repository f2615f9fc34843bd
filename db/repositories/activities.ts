import { count, desc, eq } from 'drizzle-orm';
import type { ActivityRepository } from '../../core/ports.ts';
import type { ActivityEffects, ActivityRecord } from '../../core/records.ts';
import type { Db } from '../connect.ts';
import { activities } from '../schema.ts';
import { scopeWhere } from './scope.ts';

const DATE_FIELDS = ['intentAt', 'wonAt', 'lostAt', 'lastContactAt'] as const;

/** jsonb keeps dates as ISO strings: turn the customer snapshot's back into Dates. */
function revive(row: typeof activities.$inferSelect): ActivityRecord {
  const effects = row.effects as ActivityEffects | null;
  if (!effects) return row;
  const before: Record<string, unknown> = { ...effects.customerBefore };
  for (const key of DATE_FIELDS) {
    const value = before[key];
    if (typeof value === 'string') before[key] = new Date(value);
  }
  return { ...row, effects: { ...effects, customerBefore: before as ActivityEffects['customerBefore'] } };
}

export function activityRepository(db: Db): ActivityRepository {
  return {
    async create(input) {
      const [row] = await db.insert(activities).values(input).returning();
      if (!row) throw new Error('activity insert returned nothing');
      return revive(row);
    },
    async get(id) {
      const [row] = await db.select().from(activities).where(eq(activities.id, id));
      return row ? revive(row) : null;
    },
    async delete(id) {
      await db.delete(activities).where(eq(activities.id, id));
    },
    async listVisible(scope, opts = {}) {
      const rows = await db
        .select()
        .from(activities)
        .where(scopeWhere(scope, activities.authorId, activities.teamId))
        .orderBy(desc(activities.occurredAt), desc(activities.id))
        .limit(opts.limit ?? 100);
      return rows.map(revive);
    },
    async listForCustomer(customerId, opts = {}) {
      const rows = await db
        .select()
        .from(activities)
        .where(eq(activities.customerId, customerId))
        .orderBy(desc(activities.occurredAt), desc(activities.id))
        .limit(opts.limit ?? 20);
      return rows.map(revive);
    },
    async countForCustomer(customerId) {
      const [row] = await db.select({ n: count() }).from(activities).where(eq(activities.customerId, customerId));
      return row?.n ?? 0;
    },
  };
}
