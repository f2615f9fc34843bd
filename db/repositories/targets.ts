import { and, asc, eq, sql } from 'drizzle-orm';
import type { DigestRepository, TargetRepository } from '../../core/ports.ts';
import type { TargetRecord } from '../../core/records.ts';
import type { Db } from '../connect.ts';
import { digestChannels, targets } from '../schema.ts';

export function targetRepository(db: Db): TargetRepository {
  return {
    async set(t) {
      await db
        .insert(targets)
        .values({ teamId: t.teamId, userId: t.userId, month: t.month, metric: t.metric, value: t.value, setBy: t.setBy })
        .onConflictDoUpdate({
          target: [targets.teamId, targets.userId, targets.month, targets.metric],
          set: { value: t.value, setBy: t.setBy, createdAt: sql`now()` },
        });
    },
    async list(teamId, month) {
      const rows = await db
        .select({ teamId: targets.teamId, userId: targets.userId, month: targets.month, metric: targets.metric, value: targets.value })
        .from(targets)
        .where(and(eq(targets.teamId, teamId), eq(targets.month, month)))
        .orderBy(asc(targets.userId), asc(targets.metric));
      return rows as TargetRecord[];
    },
  };
}

export function digestRepository(db: Db): DigestRepository {
  return {
    async setChannel(c) {
      await db
        .insert(digestChannels)
        .values({ teamId: c.teamId, platform: c.platform, chatId: c.chatId, setBy: c.setBy, createdAt: c.since })
        .onConflictDoUpdate({ target: digestChannels.teamId, set: { platform: c.platform, chatId: c.chatId, setBy: c.setBy, createdAt: c.since ?? sql`now()` } });
    },
    async clearChannel(teamId) {
      const rows = await db.delete(digestChannels).where(eq(digestChannels.teamId, teamId)).returning({ teamId: digestChannels.teamId });
      return rows.length > 0;
    },
    async getChannel(teamId) {
      const [row] = await db
        .select({ teamId: digestChannels.teamId, platform: digestChannels.platform, chatId: digestChannels.chatId })
        .from(digestChannels)
        .where(eq(digestChannels.teamId, teamId));
      return row ?? null;
    },
    async listChannels() {
      return db
        .select({ teamId: digestChannels.teamId, platform: digestChannels.platform, chatId: digestChannels.chatId, since: digestChannels.createdAt })
        .from(digestChannels)
        .orderBy(asc(digestChannels.teamId));
    },
  };
}
