/**
 * The digest's numbers, computed in SQL over activities, customers and follow-ups with the
 * formulas of domain.md. One statement per call: per-rep rows and the team total (GROUPING SETS),
 * rates divided in SQL with NULLIF so an empty period gives null ("—"), never a division by zero.
 *
 * Definitions, for a team and a period [from, to):
 * - dials: activities of kind 'call' that occurred in the period, by their author (the rep);
 *   connected: those with result 'connected'; connect rate = connected ÷ dials.
 * - talk time: the minutes of the connected calls; average call length = talk time ÷ connected.
 * - deals: activities in the period with stage 'won'; revenue: the sum of their amounts;
 *   referral deals: deals whose customer's source is 'referral'.
 * - new customers: customers created in the period, by owner.
 * - A-card pool (per owner): customers that became A-cards before the period ends
 *   (intent_at < to) and were neither won nor lost before it starts (won_at, lost_at null or
 *   ≥ from) — i.e. carried over (intent_at < from) plus new (intent_at in the period).
 *   new A-cards: pool members with intent_at in the period; won / lost from the pool: members with
 *   won_at / lost_at in the period.
 * - 建卡率 card rate = new A-cards ÷ new customers; 成交率 close rate = won from pool ÷ pool;
 *   流失率 churn = lost from pool ÷ pool; 转介绍率 referral rate = referral deals ÷ deals.
 * - follow-ups due: follow-ups (not cancelled) whose due time is in the period; done: those of
 *   them marked done; overdue: follow-ups still open (pending or snoozed) due before `asOf`
 *   (default `to`), whenever they fell due.
 * Reps: the team's members with the role rep, plus anyone with numbers in the period.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { MetricsRepository } from '../../core/ports.ts';
import type { MetricsRow } from '../../core/records.ts';
import { type Db, queryRows } from '../connect.ts';

interface Raw {
  rep_id: number | null;
  is_total: number;
  rep_name: string | null;
  dials: number;
  connected: number;
  connect_rate: number | null;
  talk_min: number;
  avg_call_min: number | null;
  new_customers: number;
  new_acards: number;
  deals: number;
  referral_deals: number;
  revenue: number;
  fu_done: number;
  fu_due: number;
  fu_overdue: number;
  carried: number;
  pool: number;
  won: number;
  lost: number;
  card_rate: number | null;
  close_rate: number | null;
  churn_rate: number | null;
  referral_rate: number | null;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const rate = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toRow(r: Raw): MetricsRow {
  return {
    repId: r.rep_id === null ? null : Number(r.rep_id),
    repName: r.rep_name,
    dials: num(r.dials),
    connected: num(r.connected),
    connectRate: rate(r.connect_rate),
    talkMin: num(r.talk_min),
    avgCallMin: rate(r.avg_call_min),
    newCustomers: num(r.new_customers),
    newACards: num(r.new_acards),
    deals: num(r.deals),
    referralDeals: num(r.referral_deals),
    revenue: num(r.revenue),
    followUpsDone: num(r.fu_done),
    followUpsDue: num(r.fu_due),
    followUpsOverdue: num(r.fu_overdue),
    carriedACards: num(r.carried),
    pool: num(r.pool),
    wonFromPool: num(r.won),
    lostFromPool: num(r.lost),
    cardRate: rate(r.card_rate),
    closeRate: rate(r.close_rate),
    churnRate: rate(r.churn_rate),
    referralRate: rate(r.referral_rate),
  };
}

/** The metrics statement (exported for EXPLAIN in bench/digest.ts). */
export function metricsQuery(teamId: number, from: Date, to: Date, asOf: Date = to): SQL {
  const t = sql`${teamId}::int`;
  const f = sql`${from.toISOString()}::timestamptz`;
  const e = sql`${to.toISOString()}::timestamptz`;
  const n = sql`${asOf.toISOString()}::timestamptz`;
  // Each source is aggregated per rep on its own index, then the per-rep rows are stacked
  // (UNION ALL) and summed: no join between the sources, so the plan stays small and cheap
  // (a join of the CTEs made PostgreSQL misestimate and JIT-compile the query, costing 300 ms).
  return sql`with
    act as (
      select a.author_id as rep_id,
        count(*) filter (where a.kind = 'call') as dials,
        count(*) filter (where a.kind = 'call' and a.result = 'connected') as connected,
        coalesce(sum(a.duration_min) filter (where a.kind = 'call' and a.result = 'connected'), 0) as talk,
        count(*) filter (where a.stage = 'won') as deals,
        coalesce(sum(a.amount) filter (where a.stage = 'won'), 0) as revenue
      from activities a
      where a.team_id = ${t} and a.occurred_at >= ${f} and a.occurred_at < ${e}
      group by a.author_id),
    refd as (
      select a.author_id as rep_id, count(*) as referral_deals
      from activities a join customers c on c.id = a.customer_id
      where a.team_id = ${t} and a.occurred_at >= ${f} and a.occurred_at < ${e} and a.stage = 'won' and c.source = 'referral'
      group by a.author_id),
    newc as (
      select owner_id as rep_id, count(*) as new_customers
      from customers where team_id = ${t} and created_at >= ${f} and created_at < ${e}
      group by owner_id),
    pool as (
      select owner_id as rep_id,
        count(*) filter (where intent_at >= ${f}) as new_acards,
        count(*) filter (where intent_at < ${f}) as carried,
        count(*) as pool,
        count(*) filter (where won_at >= ${f} and won_at < ${e}) as won,
        count(*) filter (where lost_at >= ${f} and lost_at < ${e}) as lost
      from customers
      where team_id = ${t} and intent_at is not null and intent_at < ${e}
        and (won_at is null or won_at >= ${f}) and (lost_at is null or lost_at >= ${f})
      group by owner_id),
    fu as (
      select rep_id,
        count(*) filter (where due_at >= ${f} and due_at < ${e} and status <> 'cancelled') as due,
        count(*) filter (where due_at >= ${f} and due_at < ${e} and status = 'done') as done,
        count(*) filter (where status in ('pending', 'snoozed') and due_at < ${n}) as overdue
      from follow_ups
      where team_id = ${t}
        and ((due_at >= ${f} and due_at < ${e}) or (status in ('pending', 'snoozed') and due_at < ${n}))
      group by rep_id),
    stacked (rep_id, dials, connected, talk, deals, referral_deals, revenue, new_customers, new_acards, carried, pool, won, lost, fu_due, fu_done, fu_overdue) as (
      select user_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 from memberships where team_id = ${t} and role = 'rep'
      union all select rep_id, dials, connected, talk, deals, 0, revenue, 0, 0, 0, 0, 0, 0, 0, 0, 0 from act
      union all select rep_id, 0, 0, 0, 0, referral_deals, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 from refd
      union all select rep_id, 0, 0, 0, 0, 0, 0, new_customers, 0, 0, 0, 0, 0, 0, 0, 0 from newc
      union all select rep_id, 0, 0, 0, 0, 0, 0, 0, new_acards, carried, pool, won, lost, 0, 0, 0 from pool
      union all select rep_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, due, done, overdue from fu),
    m as (
      select rep_id, grouping(rep_id) as is_total,
        sum(dials)::int as dials, sum(connected)::int as connected, sum(talk)::float8 as talk_min,
        sum(deals)::int as deals, sum(referral_deals)::int as referral_deals, sum(revenue)::float8 as revenue,
        sum(new_customers)::int as new_customers, sum(new_acards)::int as new_acards, sum(carried)::int as carried,
        sum(pool)::int as pool, sum(won)::int as won, sum(lost)::int as lost,
        sum(fu_due)::int as fu_due, sum(fu_done)::int as fu_done, sum(fu_overdue)::int as fu_overdue
      from stacked
      group by grouping sets ((rep_id), ()))
  select m.*, u.display_name as rep_name,
    m.connected::float8 / nullif(m.dials, 0) as connect_rate,
    m.talk_min / nullif(m.connected, 0) as avg_call_min,
    m.new_acards::float8 / nullif(m.new_customers, 0) as card_rate,
    m.won::float8 / nullif(m.pool, 0) as close_rate,
    m.lost::float8 / nullif(m.pool, 0) as churn_rate,
    m.referral_deals::float8 / nullif(m.deals, 0) as referral_rate
  from m left join users u on u.id = m.rep_id
  order by m.is_total desc, u.display_name, m.rep_id`;
}

export function metricsRepository(db: Db): MetricsRepository {
  return {
    async teamMetrics(teamId, from, to, opts = {}) {
      const rows = await queryRows<Raw>(db, metricsQuery(teamId, from, to, opts.asOf ?? to));
      const all = rows.map((r) => ({ total: Number(r.is_total) === 1, row: toRow(r) }));
      const team = all.find((r) => r.total)?.row;
      if (!team) throw new Error('metrics query returned no total');
      let reps = all.filter((r) => !r.total).map((r) => r.row);
      if (opts.repId !== undefined) reps = reps.filter((r) => r.repId === opts.repId);
      return { team: { ...team, repId: null, repName: null }, reps };
    },

    async topObjections(teamId, from, to, limit) {
      const rows = await queryRows<{ objection: string; count: number }>(
        db,
        sql`select o as objection, count(*)::int as count
            from activities a, unnest(a.objections) o
            where a.team_id = ${teamId}::int and a.objections <> '{}'::text[] and a.occurred_at >= ${from.toISOString()}::timestamptz
              and a.occurred_at < ${to.toISOString()}::timestamptz
            group by o order by count(*) desc, o limit ${limit}::int`,
      );
      return rows.map((r) => ({ objection: r.objection, count: Number(r.count) }));
    },
  };
}
