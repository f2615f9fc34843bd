import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { CustomerRepository } from '../../core/ports.ts';
import { type Db, queryRowsPrepared } from '../connect.ts';
import { rowFromJson } from '../json-row.ts';
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
      // One shape for every call (a null side matches nothing), so it is prepared once; the two
      // conditions are the expression indexes customers_owner_phone_digits and customers_owner_name.
      const rows = await queryRowsPrepared<{ customer: Record<string, unknown>; same_phone: boolean; same_name: boolean }>(
        db,
        sql`select row_to_json(c) as customer,
                   coalesce(regexp_replace(c.phone, '\\D', '', 'g') = ${digits}::text, false) as same_phone,
                   coalesce(lower(c.name) = lower(${name}::text), false) as same_name
            from customers c
            where c.owner_id = ${ownerId}
              and (regexp_replace(c.phone, '\\D', '', 'g') = ${digits}::text or lower(c.name) = lower(${name}::text))
            order by c.last_contact_at desc nulls last, c.id desc`,
      );
      const customer = (r: (typeof rows)[number]) => rowFromJson(customers, r.customer);
      return { byPhone: rows.filter((r) => r.same_phone).map(customer), byName: rows.filter((r) => r.same_name).map(customer) };
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
