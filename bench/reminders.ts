/**
 * 10,000 reminders falling due at once: the scheduler tick puts them in the outbox, the outbox
 * dispatcher delivers them to a rate-limited stand-in platform that answers 429 when pushed too
 * hard (and now and then at random). Reports time to drain, the achieved rate against the limit,
 * duplicates and lost reminders (both must be 0). PGlite by default; PostgreSQL when
 * DATABASE_URL is set (in a scratch database it creates).
 *
 *   npm run bench:reminders [-- --count 10000 --rate 1000 --dispatchers 4]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { scratchPostgres } from './scratch-db.ts';
import { systemClock, ManualClock } from '../core/clock.ts';
import type { OutboxMessage } from '../core/records.ts';
import { tick } from '../core/reminders/tick.ts';
import { createDispatcher } from '../bot/outbox-dispatcher.ts';
import { createLogger } from '../bot/logger.ts';
import { openDatabase, queryRows, type Database } from '../db/connect.ts';
import { createStore } from '../db/store.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '1000' },
    dispatchers: { type: 'string', default: '4' },
    reps: { type: 'string', default: '200' },
  },
});
const COUNT = Number(values.count);
const RATE = Number(values.rate); // messages per second the platform accepts
const REPS = Number(values.reps);
const NOW = '2026-11-24T10:00:00+08:00'; // a Tuesday, in working hours

class TooManyRequests extends Error {
  constructor(readonly retryAfterMs: number) {
    super('429 Too Many Requests');
  }
}

/** The platform: accepts RATE messages per rolling second, answers 429 beyond, and 0.5 % at random. */
function standInPlatform() {
  const window: number[] = [];
  const received = new Map<string, number>();
  let rejected = 0;
  return {
    received,
    rejected: () => rejected,
    post(message: OutboxMessage): void {
      const now = performance.now();
      while (window.length && now - window[0]! >= 1000) window.shift();
      if (window.length >= RATE) {
        rejected += 1;
        throw new TooManyRequests(Math.max(1, 1000 - (now - window[0]!)));
      }
      if (Math.random() < 0.005) {
        rejected += 1;
        throw new TooManyRequests(200); // a transient one
      }
      window.push(now);
      for (const reply of message.replies)
        for (const block of reply.blocks)
          if (block.type === 'buttons') {
            const id = block.buttons.find((b) => b.action === 'fu.done')?.value;
            if (id) received.set(id, (received.get(id) ?? 0) + 1);
          }
    },
  };
}

/** The adapter side: paces sends to the configured rate (shared by all dispatchers) and waits out a 429. */
function pacedSender(platform: ReturnType<typeof standInPlatform>) {
  const interval = 1000 / RATE;
  let next = performance.now();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return async (message: OutboxMessage) => {
    for (;;) {
      const slot = Math.max(next, performance.now());
      next = slot + interval;
      const wait = slot - performance.now();
      if (wait > 1) await sleep(wait);
      try {
        return platform.post(message);
      } catch (err) {
        if (!(err instanceof TooManyRequests)) throw err;
        await sleep(err.retryAfterMs); // retried, never dropped
      }
    }
  };
}

async function open(): Promise<{ database: Database; label: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({}), label: 'PGlite (in memory)' };
  return { database: (await scratchPostgres(url, 'salesbot_bench_reminders')).database, label: 'PostgreSQL' };
}

async function seed(database: Database): Promise<void> {
  const store = createStore(database.db);
  const team = await store.teams.create({ name: 'bench', timezone: 'Asia/Shanghai', lang: 'zh', isDefault: true });
  for (let r = 0; r < REPS; r++) {
    await store.users.createWithIdentity({ displayName: `rep${r}`, platform: 'telegram', platformUserId: `u${r}` });
    await store.users.touchIdentity('telegram', `u${r}`, new Date(NOW), `chat${r}`);
  }
  const due = new Date(new Date(NOW).getTime() - 60_000).toISOString();
  await database.db.execute(sql`
    insert into customers (team_id, owner_id, name, phone, grade)
    select ${team.id}, u.id, '客户' || g, '138' || lpad(g::text, 8, '0'), 'A'
    from generate_series(1, ${COUNT}) g join users u on u.id = (select min(id) from users) + (g % ${REPS})`);
  await database.db.execute(sql`
    insert into follow_ups (team_id, customer_id, rep_id, due_at)
    select team_id, id, owner_id, ${due}::timestamptz from customers`);
}

async function main() {
  const { database, label } = await open();
  try {
    await seed(database);
    const store = createStore(database.db);
    const logger = createLogger('silent');

    const t0 = performance.now();
    const report = await tick({ store, clock: new ManualClock(NOW) }, { batch: 500 });
    const tickS = (performance.now() - t0) / 1000;

    const platform = standInPlatform();
    const send = pacedSender(platform);
    const dispatchers = Array.from({ length: Number(values.dispatchers) }, () =>
      createDispatcher({ platform: 'telegram', queue: store.outbox, clock: systemClock, logger, send, batch: 100 }),
    );
    const t1 = performance.now();
    for (;;) {
      const sent = await Promise.all(dispatchers.map((d) => d.drain()));
      if (sent.every((n) => n === 0)) break;
    }
    const drainS = (performance.now() - t1) / 1000;

    const [left] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from outbox where sent_at is null`);
    const ids = await queryRows<{ id: number }>(database.db, sql`select id from follow_ups`);
    const duplicates = [...platform.received.values()].filter((n) => n > 1).length;
    const lost = ids.filter((r) => !platform.received.has(String(r.id))).length;
    const rate = platform.received.size / drainS;
    const lines = [
      `database            ${label}`,
      `reminders due       ${COUNT} (${REPS} reps)`,
      `tick → outbox       ${report.reminders} in ${tickS.toFixed(2)} s (${Math.round(report.reminders / tickS)}/s)`,
      `delivery            ${values.dispatchers} dispatchers, platform limit ${RATE}/s`,
      `time to drain       ${drainS.toFixed(2)} s`,
      `achieved rate       ${Math.round(rate)}/s (${((rate / RATE) * 100).toFixed(1)} % of the limit)`,
      `429s retried        ${platform.rejected()}`,
      `undelivered in box  ${left?.n ?? '?'}`,
      `duplicates          ${duplicates}`,
      `lost                ${lost}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (duplicates || lost || report.reminders !== COUNT) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

await main();
