import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FollowUpRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
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
