/**
 * A bot process reduced to its reminder scheduler, for the exactly-once test: ticks the database
 * at DATABASE_URL at a fixed clock (REMINDER_NOW) one batch at a time, printing "committed N"
 * after each batch, until no follow-up due at that time is left without its reminder.
 * WORKER_PAUSE_MS holds each batch's transaction open before commit, so a kill lands mid-batch.
 */
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../core/clock.ts';
import { tick } from '../../core/reminders/tick.ts';
import { openDatabase, queryRows } from '../../db/connect.ts';
import { createStore } from '../../db/store.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const clock = new ManualClock(process.env.REMINDER_NOW ?? new Date().toISOString());
const pause = Number(process.env.WORKER_PAUSE_MS ?? 0);
const batch = Number(process.env.WORKER_BATCH ?? 10);
const database = await openDatabase({ databaseUrl: url, migrate: false });
const store = createStore(database.db);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

try {
  for (let i = 0; i < 10_000; i++) {
    const report = await tick({ store, clock }, { batch, maxBatches: 1, beforeCommit: () => sleep(pause) });
    if (report.reminders) process.stdout.write(`committed ${report.reminders}\n`);
    const [left] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from follow_ups where notified_at is null and status = 'pending' and due_at <= ${clock.now().toISOString()}::timestamptz`,
    );
    if (!left?.n) break;
    if (!report.reminders) await sleep(20); // the rest is locked by the other process
  }
  process.stdout.write('done\n');
} finally {
  await database.close();
}
