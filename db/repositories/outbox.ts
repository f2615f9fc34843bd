import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { OutboxQueue } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import type { Db } from '../connect.ts';
import { outbox } from '../schema.ts';

export function outboxRepository(db: Db): OutboxQueue {
  return {
    async send(target, replies, opts = {}) {
      await db.insert(outbox).values({ platform: target.platform, chatId: target.chatId, payload: replies, ...(opts.notBefore ? { dueAt: opts.notBefore } : {}) });
    },
    async claimDue(platform, now, leaseUntil, limit, chatId) {
      // FOR UPDATE SKIP LOCKED: several processes can drain one outbox without sending a message twice.
      return db.transaction(async (tx) => {
        const due = await tx
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(eq(outbox.platform, platform), isNull(outbox.sentAt), isNull(outbox.abandonedAt), lte(outbox.dueAt, now), chatId ? eq(outbox.chatId, chatId) : undefined))
          .orderBy(asc(outbox.dueAt), asc(outbox.id))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (!due.length) return [];
        const rows = await tx
          .update(outbox)
          .set({ dueAt: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
          .where(inArray(outbox.id, due.map((d) => d.id)))
          .returning();
        return rows
          .sort((a, b) => a.id - b.id)
          .map((r) => ({ id: r.id, platform: r.platform, chatId: r.chatId, replies: r.payload as Reply[], attempts: r.attempts, createdAt: r.createdAt }));
      });
    },
    async markSent(id, at) {
      await db.update(outbox).set({ sentAt: at, lastError: null }).where(eq(outbox.id, id));
    },
    async markFailed(id, error, retryAt) {
      await db.update(outbox).set({ lastError: error.slice(0, 500), dueAt: retryAt }).where(eq(outbox.id, id));
    },
    async markAbandoned(id, error, at) {
      await db.update(outbox).set({ lastError: error.slice(0, 500), abandonedAt: at }).where(eq(outbox.id, id));
    },
  };
}
