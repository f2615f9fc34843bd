import { desc, eq } from 'drizzle-orm';
import type { CustomerRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { customers } from '../schema.ts';
import { scopeWhere } from './scope.ts';

export function customerRepository(db: Db): CustomerRepository {
  return {
    async create(input) {
      const [row] = await db.insert(customers).values(input).returning();
      if (!row) throw new Error('customer insert returned nothing');
      return row;
    },
    async get(id) {
      const [row] = await db.select().from(customers).where(eq(customers.id, id));
      return row ?? null;
    },
    async listVisible(scope, opts = {}) {
      return db
        .select()
        .from(customers)
        .where(scopeWhere(scope, customers.ownerId, customers.teamId))
        .orderBy(desc(customers.updatedAt), desc(customers.id))
        .limit(opts.limit ?? 100);
    },
  };
}
