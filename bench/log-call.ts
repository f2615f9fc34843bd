/**
 * Logging a call end to end, in process: parse, write (customer, activity, follow-up), reply.
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (in a scratch database it creates).
 *
 *   npm run bench:log-call [-- --count 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scratchPostgres } from './scratch-db.ts';
import { ManualClock } from '../core/clock.ts';
import { createBot } from '../core/features.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { createStore } from '../db/store.ts';
import { createLogger } from '../bot/logger.ts';
import { monospaceTable } from '../bot/render/monospace-table.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const COUNT = Number(values.count);

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const TITLES = ['总', '先生', '女士', '姐', '经理', '阿姨', '老板'];
const BODIES = [
  (p: string) => `${p}没接，明天上午再打`,
  (p: string) => `刚给${p}打了电话，聊了8分钟，对年卡有兴趣，嫌贵，下周二下午再打`,
  (p: string) => `${p} 13${Math.floor(100000000 + Math.random() * 899999999)} 占线，下午三点再试`,
  (p: string) => `成交了！${p}定了一张年卡 3680，聊了25分钟`,
  (p: string) => `${p}说要跟家里商量，后天回访`,
];

function message(i: number): string {
  const person = `${SURNAMES[i % SURNAMES.length]}${TITLES[Math.floor(i / 10) % TITLES.length]}${Math.floor(i / 70)}`;
  return BODIES[i % BODIES.length]!(person);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}


async function measure(label: string, database: Database): Promise<string[]> {
  const clock = new ManualClock('2026-11-23T09:00:00+08:00');
  const core = createBot({
    store: createStore(database.db),
    clock,
    logger: createLogger('silent'),
    defaults: { teamName: 'bench', timezone: 'Asia/Shanghai', lang: 'zh' },
  });
  const send = (i: number) =>
    core.handle({ platform: 'console', platformUserId: 'rep', userName: 'rep', chatId: 'c', chatType: 'direct', text: message(i), deliveryId: `d${i}` });
  for (let i = 0; i < 50; i++) await send(COUNT + i); // warm-up: JIT, first user, caches
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    clock.advance(60_000);
    const t0 = performance.now();
    const replies = await send(i);
    times.push(performance.now() - t0);
    if (!replies.length) throw new Error(`no reply to message ${i}`);
  }
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return [label, String(COUNT), percentile(times, 50).toFixed(2), percentile(times, 99).toFixed(2), (COUNT / total).toFixed(0)];
}

const rows: string[][] = [];
const lite = await openDatabase({});
rows.push(await measure('PGlite (in memory)', lite));
await lite.close();
// The product's default: PGlite in a data folder (a fresh one; the first open takes a few seconds).
const folder = mkdtempSync(join(tmpdir(), 'salesbot-bench-'));
try {
  const onDisk = await openDatabase({ dataDir: folder });
  rows.push(await measure('PGlite (data folder)', onDisk));
  await onDisk.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
if (process.env.DATABASE_URL) {
  const { database: server } = await scratchPostgres(process.env.DATABASE_URL, 'salesbot_bench');
  rows.push(await measure('PostgreSQL', server));
  await server.close();
} else {
  rows.push(['PostgreSQL', 'skipped: set DATABASE_URL', '', '', '']);
}
console.log(`Logging a call end to end (parse, write, reply), no LLM, ${COUNT} messages\n`);
console.log(monospaceTable(['database', 'calls', 'p50 ms', 'p99 ms', 'calls/s'], rows, ['left', 'right', 'right', 'right', 'right']));
console.log('\nAim: p50 ≤ 3 ms. Each log is three prepared statements: delivery claim + session, customer match,');
console.log('and one write of customer, follow-ups, activity and audit; see README "Performance".');
