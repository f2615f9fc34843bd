/**
 * Exactly once across processes, on PostgreSQL: two worker processes tick the same database;
 * one is killed (SIGKILL) in the middle of a batch. Every follow-up must end up with exactly one
 * reminder in the outbox: none sent twice, none lost.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { queryRows } from '../../db/connect.ts';
import type { Reply } from '../../core/reply.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { childEnv, ROOT } from '../support/process.ts';

const NOW = '2026-11-24T10:00:00+08:00'; // Tuesday, inside working hours
const COUNT = 300;

function worker(url: string, pauseMs: number): { child: ChildProcessWithoutNullStreams; out: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/reminder-worker.ts'], {
    cwd: ROOT,
    env: childEnv({ DATABASE_URL: url, REMINDER_NOW: NOW, WORKER_PAUSE_MS: String(pauseMs), WORKER_BATCH: '10' }),
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, exit };
}

const committed = (out: string) => [...out.matchAll(/committed (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);

describe.skipIf(!inject('postgresTemplate'))('reminders with two bot processes on PostgreSQL', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('delivers each reminder exactly once into the outbox, even when a process is killed mid-batch', { timeout: 120_000 }, async () => {
    database = await openTestDatabase('postgres');
    const { store } = database;
    const team = await store.teams.create({ name: '电销一组', timezone: 'Asia/Shanghai', lang: 'zh', isDefault: true });
    const due = new Date(new Date(NOW).getTime() - 60 * 60_000);
    for (let r = 0; r < 30; r++) {
      const rep = await store.users.createWithIdentity({ displayName: `rep${r}`, platform: 'telegram', platformUserId: `u${r}` });
      await store.teams.setRoles(team.id, rep.id, ['rep']);
      await store.users.touchIdentity('telegram', `u${r}`, due, `chat${r}`);
      for (let i = 0; i < COUNT / 30; i++) {
        const c = await store.customers.create({ teamId: team.id, ownerId: rep.id, name: `客户${r}-${i}`, phone: '13812345678' });
        await store.followUps.create({ teamId: team.id, customerId: c.id, repId: rep.id, dueAt: new Date(due.getTime() + i * 1000) });
      }
    }

    const a = worker(database.url!, 40);
    const b = worker(database.url!, 40);
    // Kill A once it has committed a few batches: with 40 ms held inside each transaction it is
    // almost always in the middle of one.
    await expect.poll(() => committed(a.out()), { timeout: 60_000, interval: 5 }).toBeGreaterThanOrEqual(30);
    a.child.kill('SIGKILL');
    expect(await a.exit).toBeNull();
    expect(await b.exit).toBe(0);
    expect(b.out()).toContain('done');

    const rows = await queryRows<{ chat_id: string; payload: Reply[] }>(database.db, sql`select chat_id, payload from outbox`);
    const perFollowUp = new Map<string, number>();
    for (const row of rows) {
      for (const reply of row.payload) {
        for (const block of reply.blocks) {
          if (block.type !== 'buttons') continue;
          const done = block.buttons.find((x) => x.action === 'fu.done');
          if (done?.value) perFollowUp.set(done.value, (perFollowUp.get(done.value) ?? 0) + 1);
        }
      }
    }
    const ids = (await queryRows<{ id: number }>(database.db, sql`select id from follow_ups`)).map((r) => String(r.id));
    expect(ids).toHaveLength(COUNT);
    const duplicates = [...perFollowUp.values()].filter((n) => n > 1).length;
    const lost = ids.filter((id) => !perFollowUp.has(id)).length;
    expect({ duplicates, lost }).toEqual({ duplicates: 0, lost: 0 });
    // Both processes did part of the work.
    expect(committed(a.out())).toBeGreaterThan(0);
    expect(committed(b.out())).toBeGreaterThan(0);
    expect(committed(b.out())).toBeLessThan(COUNT);
    const [notified] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from follow_ups where notified_at is not null`);
    expect(notified?.n).toBe(COUNT);
  });
});
