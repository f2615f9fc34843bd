/**
 * The daily and monthly digest for a big team: 1,000 reps, 1,000,000 activities in a month,
 * 200,000 customers (a quarter A-cards), 100,000 follow-ups, bulk-inserted with generate_series.
 * Reports the time to compose each digest (median of 3 after a warm-up) and the process's peak
 * memory. PGlite in memory by default; PostgreSQL when DATABASE_URL is set (in a scratch database
 * it creates and drops). Aim: under 1 s on PostgreSQL.
 *
 *   npm run bench:digest [-- --reps 1000 --activities 1000000]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { scratchPostgres } from './scratch-db.ts';
import { composeDigest } from '../core/digest/compose.ts';
import { periodOf, previousPeriod } from '../core/digest/period.ts';
import { openDatabase, queryRows, type Database } from '../db/connect.ts';
import { createStore } from '../db/store.ts';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '1000' },
    activities: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    /** Keep the PostgreSQL scratch database afterwards (to EXPLAIN the queries). */
    keep: { type: 'boolean', default: false },
  },
});
const REPS = Number(values.reps);
const ACTIVITIES = Number(values.activities);
const CUSTOMERS = Math.max(REPS, Math.round(ACTIVITIES / 5));
const FOLLOW_UPS = Math.round(ACTIVITIES / 10);
const RUNS = Number(values.runs);
const ZONE = 'Asia/Shanghai';
/** The daily digest of Monday 30 November 2026; the monthly one is November's, sent on 1 December. */
const DAILY_AT = new Date('2026-11-30T18:30:00+08:00');
const MONTHLY_AT = new Date('2026-12-01T09:00:00+08:00');
const MONTH_START = '2026-11-01T00:00:00+08:00';

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

async function open(): Promise<{ database: Database; label: string; drop?: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({}), label: 'PGlite (in memory)' };
  const name = 'salesbot_bench_digest';
  const { database } = await scratchPostgres(url, name);
  const drop = async () => {
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  return { database, label: 'PostgreSQL', drop };
}

async function seed(database: Database): Promise<number> {
  const db = database.db;
  const exec = (q: ReturnType<typeof sql>) => db.execute(q);
  const [team] = await queryRows<{ id: number }>(db, sql`insert into teams (name, timezone, lang, is_default) values ('bench', ${ZONE}, 'zh', true) returning id`);
  const t = team!.id;
  await exec(sql`insert into users (display_name) select 'rep' || lpad(g::text, 4, '0') from generate_series(1, ${REPS}::int) g`);
  const [{ first } = { first: 1 }] = await queryRows<{ first: number }>(db, sql`select min(id) as first from users`);
  const u0 = Number(first);
  await exec(sql`insert into memberships (team_id, user_id, role) select ${t}::int, id, 'rep' from users`);
  const start = sql`${MONTH_START}::timestamptz`;
  // Customers over November and the two months before; a quarter become A-cards, some won or lost.
  await exec(sql`
    insert into customers (team_id, owner_id, name, phone, stage, source, created_at, intent_at, won_at, lost_at)
    select ${t}::int, ${u0}::int + (g % ${REPS}::int), 'c' || g, '138' || lpad((g % 100000000)::text, 8, '0'),
      'contacted', case when g % 17 = 0 then 'referral'::customer_source else 'cold_call'::customer_source end,
      ${start} - interval '60 days' + (g - 1) * (interval '90 days' / ${CUSTOMERS}::int),
      case when g % 4 = 0 then ${start} - interval '60 days' + (g - 1) * (interval '90 days' / ${CUSTOMERS}::int) + interval '2 hours' end,
      case when g % 4 = 0 and g % 36 = 0 then ${start} - interval '50 days' + (g - 1) * (interval '90 days' / ${CUSTOMERS}::int) end,
      case when g % 4 = 0 and g % 44 = 0 then ${start} - interval '45 days' + (g - 1) * (interval '90 days' / ${CUSTOMERS}::int) end
    from generate_series(1, ${CUSTOMERS}::int) g`);
  const perDay = Math.ceil(ACTIVITIES / 30);
  const [{ c0 } = { c0: 1 }] = await queryRows<{ c0: number }>(db, sql`select min(id) as c0 from customers`);
  await exec(sql`
    insert into activities (team_id, author_id, customer_id, kind, result, duration_min, stage, amount, objections, raw_text, occurred_at)
    select ${t}::int, ${u0}::int + (g % ${REPS}::int), ${Number(c0)}::int + (g % ${CUSTOMERS}::int), 'call',
      (array['connected', 'connected', 'connected', 'no_answer', 'busy'])[1 + g % 5]::call_result,
      case when g % 5 < 3 then 0.5 + (g % 97) / 10.0 end,
      case when g % 150 = 0 then 'won'::stage end,
      case when g % 150 = 0 then 2680 end,
      case when g % 7 = 0 then array[(array['price', 'trust', 'no_time', 'think_it_over', 'has_supplier'])[1 + g % 5]] else '{}'::text[] end,
      'bench',
      -- logged in time order, as a real team's calls are: each day's between 09:00 and 18:00
      ${start} + ((g - 1) / ${perDay}::int) * interval '1 day' + interval '9 hours' + ((g - 1) % ${perDay}::int) * (interval '540 minutes' / ${perDay}::int)
    from generate_series(1, ${ACTIVITIES}::int) g`);
  await exec(sql`
    insert into follow_ups (team_id, rep_id, customer_id, due_at, status)
    select ${t}::int, ${u0}::int + (g % ${REPS}::int), ${Number(c0)}::int + (g % ${CUSTOMERS}::int),
      ${start} + (g % 35) * interval '1 day' + interval '10 hours',
      (array['pending', 'done', 'done', 'snoozed', 'cancelled'])[1 + g % 5]::follow_up_status
    from generate_series(1, ${FOLLOW_UPS}::int) g`);
  await exec(sql`analyze`);
  return t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main() {
  const { database, label, drop } = await open();
  try {
    const t0 = performance.now();
    const teamId = await seed(database);
    console.log(`${label}: seeded ${REPS} reps, ${ACTIVITIES.toLocaleString()} activities, ${CUSTOMERS.toLocaleString()} customers, ${FOLLOW_UPS.toLocaleString()} follow-ups in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const store = createStore(database.db);
    const team = (await store.teams.get(teamId))!;
    const cases = [
      { name: 'daily (cut to top/bottom)', period: periodOf('day', DAILY_AT, ZONE), now: DAILY_AT, full: false },
      { name: 'daily (full table)', period: periodOf('day', DAILY_AT, ZONE), now: DAILY_AT, full: true },
      { name: 'monthly (cut)', period: previousPeriod(periodOf('month', MONTHLY_AT, ZONE), ZONE), now: MONTHLY_AT, full: false },
      { name: 'monthly (full table)', period: previousPeriod(periodOf('month', MONTHLY_AT, ZONE), ZONE), now: MONTHLY_AT, full: true },
    ];
    for (const c of cases) {
      const times: number[] = [];
      peakRss = process.memoryUsage().rss;
      let rows = 0;
      for (let i = 0; i <= RUNS; i++) {
        const s = performance.now();
        const reply = await composeDigest(store, team, { period: c.period, now: c.now, lang: 'zh', full: c.full });
        if (i > 0) times.push(performance.now() - s); // the first run warms caches
        rows = reply.blocks.reduce((n, b) => n + (b.type === 'table' ? b.rows.length : 0), 0);
      }
      console.log(`  ${c.name.padEnd(26)} median ${median(times).toFixed(0).padStart(5)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  ${rows} table rows  peak RSS ${mb(peakRss)}`);
    }
    console.log(`  heap now ${mb(process.memoryUsage().heapUsed)}`);
  } finally {
    clearInterval(sampler);
    await database.close();
    if (!values.keep) await drop?.();
  }
}

await main();
