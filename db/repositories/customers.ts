import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { CustomerRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { customers } from '../schema.ts';
import { scopeWhere } from './scope.ts';

/** LIKE pattern matching `text` literally anywhere. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

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
    async update(id, patch) {
      const [row] = await db
        .update(customers)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(customers.id, id))
        .returning();
      if (!row) throw new Error(`customer ${id} not found`);
      return row;
    },
    async delete(id) {
      await db.delete(customers).where(eq(customers.id, id));
    },
    async findMatches(ownerId, by) {
      const digits = by.phone?.replace(/\D/g, '') || null;
      const name = by.name?.trim() || null;
      if (!digits && !name) return { byPhone: [], byName: [] };
      const phoneDigits = sql<string | null>`regexp_replace(${customers.phone}, '\\D', '', 'g')`;
      const rows = await db
        .select({ customer: customers, samePhone: sql<boolean>`coalesce(${phoneDigits} = ${digits}, false)`, sameName: sql<boolean>`coalesce(lower(${customers.name}) = lower(${name}), false)` })
        .from(customers)
        .where(and(eq(customers.ownerId, ownerId), or(digits ? sql`${phoneDigits} = ${digits}` : undefined, name ? sql`lower(${customers.name}) = lower(${name})` : undefined)))
        .orderBy(sql`${customers.lastContactAt} desc nulls last`, desc(customers.id));
      return {
        byPhone: rows.filter((r) => r.samePhone).map((r) => r.customer),
        byName: rows.filter((r) => r.sameName).map((r) => r.customer),
      };
    },
    async listVisible(scope, opts = {}) {
      return db
        .select()
        .from(customers)
        .where(scopeWhere(scope, customers.ownerId, customers.teamId))
        .orderBy(desc(customers.updatedAt), desc(customers.id))
        .limit(opts.limit ?? 100);
    },
    async search(scope, query, opts = {}) {
      const q = query.trim();
      const digits = q.replace(/\D/g, '');
      const match = or(
        ilike(customers.name, contains(q)),
        ilike(customers.company, contains(q)),
        digits.length >= 4 ? sql`regexp_replace(${customers.phone}, '\\D', '', 'g') like ${contains(digits)}` : undefined,
      );
      return db
        .select()
        .from(customers)
        .where(and(scopeWhere(scope, customers.ownerId, customers.teamId), match))
        .orderBy(sql`${customers.lastContactAt} desc nulls last`, desc(customers.id))
        .limit(opts.limit ?? 10);
    },
  };
}
