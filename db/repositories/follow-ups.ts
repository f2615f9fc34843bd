import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FollowUpRepository } from '../../core/ports.ts';
import type { FollowUpRecord } from '../../core/records.ts';
import { type Db, queryRows } from '../connect.ts';
import { customers, followUps } from '../schema.ts';
import { scopeWhere } from './scope.ts';

const OPEN = inArray(followUps.status, ['pending', 'snoozed']);

export function followUpRepository(db: Db): FollowUpRepository {
  return {
    async create(input) {
      const [row] = await db.insert(followUps).values(input).returning();
      if (!row) throw new Error('follow-up insert returned nothing');
      return row;
    },
    async get(id) {
      const [row] = await db.select().from(followUps).where(eq(followUps.id, id));
      return row ?? null;
    },
    async delete(id) {
      await db.delete(followUps).where(eq(followUps.id, id));
    },
    async deleteForActivity(activityId) {
      await db.delete(followUps).where(eq(followUps.activityId, activityId));
    },
    async setStatus(ids, status) {
      if (!ids.length) return;
      await db.update(followUps).set({ status, updatedAt: sql`now()` }).where(inArray(followUps.id, ids));
    },
    async update(id, patch) {
      const [row] = await db
        .update(followUps)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(followUps.id, id))
        .returning();
      if (!row) throw new Error(`follow-up ${id} not found`);
      return row;
    },
    async pendingForCustomer(customerId) {
      return db
        .select()
        .from(followUps)
        .where(and(eq(followUps.customerId, customerId), OPEN))
        .orderBy(asc(followUps.dueAt));
    },
    async closeOpenForCustomer(customerId, status) {
      // Former statuses come from the subquery's snapshot, so Undo can restore pending vs snoozed.
      const rows = await queryRows<{ id: number; status: FollowUpRecord['status'] }>(
        db,
        sql`update follow_ups f set status = ${status}, updated_at = now()
            from (select id, status from follow_ups where customer_id = ${customerId} and status in ('pending', 'snoozed') for update) old
            where f.id = old.id
            returning f.id, old.status`,
      );
      return rows;
    },
    async listOpen(scope, opts = {}) {
      const rows = await db
        .select({ followUp: followUps, customer: customers })
        .from(followUps)
        .innerJoin(customers, eq(customers.id, followUps.customerId))
        .where(and(OPEN, scopeWhere(scope, followUps.repId, followUps.teamId), opts.dueBefore ? lt(followUps.dueAt, opts.dueBefore) : undefined))
        .orderBy(asc(followUps.dueAt), asc(followUps.id))
        .limit(opts.limit ?? 50);
      return rows.map((r) => ({ ...r.followUp, customer: r.customer }));
    },
  };
}
