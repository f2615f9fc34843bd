/**
 * `salesbot demo [--reps N --days D --seed S] [--force]`: fills the default team with realistic
 * generated activity (calls with connect rates, talk time, new customers, A-cards, deals,
 * referrals, objections, follow-ups) over the last D days, so a newcomer sees a digest right
 * after `npm start` (/digest month). The same seed gives the same data. Refuses a database that
 * already holds customers or activities unless --force.
 */
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Objection } from '../../core/domain.ts';
import type { Store } from '../../core/ports.ts';
import { type Db, queryRows } from '../../db/connect.ts';
import { activities, customers, followUps } from '../../db/schema.ts';
import { type Io, openForCommand, parseFlags, readConfig, type Subcommand, UsageError } from './common.ts';

/** mulberry32: a small seeded generator, so a seed always gives the same team. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚'];
const TITLES = ['总', '经理', '老师', '姐', '先生', '女士'];
const COMPANIES = ['华通物流', '鑫源贸易', '安和医疗', '启航教育', '万家装饰', '恒信财务', '青禾餐饮', '蓝海科技', '顺达汽修', '美佳服饰'];
const PRODUCTS = ['年卡', '季卡', '标准版', '专业版'];
const PRICES = [2680, 6800, 1280, 9800];
const OBJECTIONS: Objection[] = ['price', 'think_it_over', 'consult_others', 'has_supplier', 'send_materials', 'no_time', 'no_need', 'trust', 'competitor_cheaper'];

export interface DemoOptions {
  reps: number;
  days: number;
  seed: number;
  now: Date;
}

export interface DemoReport {
  teamId: number;
  reps: number;
  activities: number;
  customers: number;
  deals: number;
}

/** Whether the database holds anything a person typed (customers or activities). */
export async function hasRealData(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(db, sql`select exists (select 1 from customers) or exists (select 1 from activities) as any`);
  return row?.any === true;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

export async function generateDemo(store: Store, db: Db, opts: DemoOptions, teamDefaults: { teamName: string; timezone: string; lang: 'zh' | 'en' }): Promise<DemoReport> {
  const rnd = seeded(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const team = (await store.teams.getDefault()) ?? (await store.teams.create({ name: teamDefaults.teamName, timezone: teamDefaults.timezone, lang: teamDefaults.lang, isDefault: true }));
  const zone = team.timezone;
  const reps: Array<{ id: number; connect: number; card: number; close: number; volume: number }> = [];
  for (let i = 0; i < opts.reps; i++) {
    const platformUserId = `demo-rep-${i + 1}`;
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i >= SURNAMES.length ? i + 1 : ''}`;
    const user = (await store.users.findByIdentity('console', platformUserId)) ?? (await store.users.createWithIdentity({ displayName: name, platform: 'console', platformUserId }));
    await store.teams.setRoles(team.id, user.id, ['rep']);
    // Each rep has their own strengths: that is what the diagnosis finds.
    reps.push({ id: user.id, connect: 0.35 + rnd() * 0.35, card: 0.12 + rnd() * 0.25, close: 0.02 + rnd() * 0.08, volume: 60 + Math.floor(rnd() * 60) });
  }
  const end = DateTime.fromJSDate(opts.now, { zone });
  let nActs = 0;
  let nCust = 0;
  let nDeals = 0;
  for (const rep of reps) {
    const acts: Array<typeof activities.$inferInsert> = [];
    const open: Array<{ id: number; since: Date }> = [];
    for (let d = opts.days - 1; d >= 0; d--) {
      const day = end.minus({ days: d }).startOf('day');
      if (day.weekday === 7) continue;
      const dials = Math.round(rep.volume * (0.8 + rnd() * 0.4));
      const news: Array<{ at: Date; aCard: boolean; referral: boolean; act: typeof activities.$inferInsert }> = [];
      for (let k = 0; k < dials; k++) {
        const at = day.set({ hour: 9 }).plus({ minutes: Math.floor((k / dials) * 540 + rnd() * 5) }).toJSDate();
        if (at > opts.now) break;
        const connected = rnd() < rep.connect;
        const name = `${pick(SURNAMES)}${pick(TITLES)}`;
        const act: typeof activities.$inferInsert = {
          teamId: team.id,
          authorId: rep.id,
          kind: 'call',
          customerName: name,
          company: pick(COMPANIES),
          result: connected ? 'connected' : rnd() < 0.7 ? 'no_answer' : rnd() < 0.8 ? 'busy' : 'invalid_number',
          durationMin: connected ? Math.round((0.5 + rnd() * rnd() * 9) * 10) / 10 : null,
          objections: connected && rnd() < 0.35 ? [pick(OBJECTIONS)] : [],
          products: connected && rnd() < 0.4 ? [pick(PRODUCTS)] : [],
          rawText: `[demo] ${name}`,
          occurredAt: at,
        };
        if (connected && rnd() < 0.45) news.push({ at, aCard: rnd() < rep.card, referral: rnd() < 0.08, act });
        else acts.push(act);
      }
      // New customers (and A-cards) of the day, then today's deals and losses among the open A-cards.
      if (news.length) {
        const rows = await db
          .insert(customers)
          .values(news.map((n) => ({ teamId: team.id, ownerId: rep.id, name: n.act.customerName!, company: n.act.company, phone: `13${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`, grade: n.aCard ? ('A' as const) : pick(['B', 'C'] as const), stage: n.aCard ? ('intent' as const) : ('contacted' as const), source: n.referral ? ('referral' as const) : ('cold_call' as const), intentAt: n.aCard ? n.at : null, lastContactAt: n.at, createdAt: n.at, updatedAt: n.at })))
          .returning({ id: customers.id });
        rows.forEach((r, i) => {
          const n = news[i]!;
          acts.push({ ...n.act, customerId: r.id, intent: n.aCard ? 'A' : null, stage: n.aCard ? 'intent' : 'contacted', referral: n.referral });
          if (n.aCard) open.push({ id: r.id, since: n.at });
        });
        nCust += rows.length;
      }
      const closeAt = day.set({ hour: 16 }).toJSDate();
      if (closeAt > opts.now) continue;
      for (let i = open.length - 1; i >= 0; i--) {
        const c = open[i]!;
        const roll = rnd();
        const daily = rep.close / 22; // about its close rate over a month of working days
        if (roll < daily) {
          const p = Math.floor(rnd() * PRODUCTS.length);
          acts.push({ teamId: team.id, authorId: rep.id, customerId: c.id, kind: 'call', result: 'connected', durationMin: 6 + Math.round(rnd() * 8), stage: 'won', amount: PRICES[p]!, products: [PRODUCTS[p]!], rawText: '[demo] 成交', occurredAt: closeAt });
          await db.update(customers).set({ stage: 'won', wonAt: closeAt }).where(sql`id = ${c.id}`);
          open.splice(i, 1);
          nDeals += 1;
        } else if (roll < daily + 0.01) {
          await db.update(customers).set({ stage: 'lost', lostAt: closeAt }).where(sql`id = ${c.id}`);
          open.splice(i, 1);
        }
      }
    }
    await insertChunks(acts, (chunk) => db.insert(activities).values(chunk));
    nActs += acts.length;
    // Follow-ups for the open A-cards: most done on time, some overdue, the rest ahead.
    const fus = open.map((c) => {
      const due = new Date(c.since.getTime() + (1 + Math.floor(rnd() * 7)) * 86_400_000);
      const status = due < opts.now ? (rnd() < 0.95 ? ('done' as const) : ('pending' as const)) : ('pending' as const);
      return { teamId: team.id, repId: rep.id, customerId: c.id, dueAt: due, status };
    });
    await insertChunks(fus, (chunk) => db.insert(followUps).values(chunk));
  }
  return { teamId: team.id, reps: reps.length, activities: nActs, customers: nCust, deals: nDeals };
}

function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
  return n;
}

export const demoCommand: Subcommand = {
  name: 'demo',
  usage: 'demo [--reps N] [--days D] [--seed S] [--force]',
  summary: 'fill the default team with generated demo activity (refuses a database with real data unless --force)',
  async run(args: string[], io: Io) {
    const { values } = parseFlags(args, { reps: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } });
    const opts = { reps: positiveInt(values.reps, 'reps', 8, 2000), days: positiveInt(values.days, 'days', 30, 366), seed: positiveInt(values.seed, 'seed', 1, 2 ** 31) };
    const config = readConfig();
    const { app } = await openForCommand(config, io, 'warn');
    try {
      if (!values.force && (await hasRealData(app.database.db))) {
        io.stderr.write('This database already holds customers or activities; the demo would mix with them. Use --force to add it anyway.\n');
        return 1;
      }
      const report = await generateDemo(app.store, app.database.db, { ...opts, now: new Date() }, config.defaults);
      io.stdout.write(`Demo data: ${report.reps} reps, ${report.customers} customers, ${report.activities} activities, ${report.deals} deals over ${opts.days} days (seed ${opts.seed}).\nStart the bot and try /digest month, /digest today, /plan.\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
