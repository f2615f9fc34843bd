/**
 * The digest as one platform-neutral reply: team totals, a table with one row per rep, month-to-
 * date progress against target with the pace needed (daily), the objections heard most, the
 * questions the knowledge base could not answer, and one diagnosis line per rep whose numbers
 * call for it. Weekly and monthly add the four A-card metrics and the change against the previous
 * period, and plan against actual over the working days covered. Every number comes from
 * MetricsRepository (SQL); this module only lays them out. No phone number is printed, and
 * question texts are masked.
 */
import type { Lang, Objection } from '../domain.ts';
import { labels } from '../calls/labels.ts';
import { maskPhonesIn } from '../phone.ts';
import type { PlanRecord } from '../planning/plan.ts';
import { DEFAULT_PLANNED, type PeriodProgress, periodProgress, type PlannedRates, planOf, plannedRates, type PlanProgress, progress, shareDue } from '../planning/track.ts';
import type { Store } from '../ports.ts';
import type { MetricsRow, TeamRecord } from '../records.ts';
import type { Block, Reply } from '../reply.ts';
import { teamSettings } from '../reminders/settings.ts';
import { DateTime } from 'luxon';
import { minutes, money, type MonthSlice, monthOf, monthSlices, pct, type Period, type PeriodKind, periodLabel, periodOf, previousPeriod, workingDaysLeftInMonth } from './period.ts';
import { perDayTarget, targetOf } from './targets.ts';
import { texts } from './texts.ts';

/** More reps than this and the tables show the top and bottom CUT_EACH with a Full table button. */
export const LONG_TEAM = 12;
export const CUT_EACH = 5;

export interface DigestRequest {
  period: Period;
  now: Date;
  lang: Lang;
  /** Only this rep's numbers (a rep asking for their own, or a manager asking about one rep). */
  repId?: number;
  /** The whole table even for a long team (the Full table button). */
  full?: boolean;
}

function rank(a: MetricsRow, b: MetricsRow): number {
  return b.deals - a.deals || b.revenue - a.revenue || b.newACards - a.newACards || b.dials - a.dials || (a.repName ?? '').localeCompare(b.repName ?? '');
}

function cut<T>(rows: T[], full: boolean | undefined): { rows: T[]; cut: boolean } {
  if (full || rows.length <= LONG_TEAM) return { rows, cut: false };
  return { rows: [...rows.slice(0, CUT_EACH), ...rows.slice(-CUT_EACH)], cut: true };
}

function activityRow(r: MetricsRow, name: string, lang: Lang): string[] {
  const t = texts(lang);
  return [
    name,
    String(r.dials),
    String(r.connected),
    pct(r.connectRate),
    minutes(r.talkMin, lang),
    minutes(r.avgCallMin, lang),
    String(r.newCustomers),
    String(r.newACards),
    String(r.deals),
    money(r.revenue, lang),
    t.fuCell(r.followUpsDone, r.followUpsDue, r.followUpsOverdue),
  ];
}

function cardRow(r: MetricsRow, name: string): string[] {
  return [name, String(r.newCustomers), String(r.newACards), String(r.carriedACards), String(r.pool), String(r.wonFromPool), String(r.lostFromPool), pct(r.cardRate), pct(r.closeRate), pct(r.churnRate), pct(r.referralRate)];
}

const RIGHT = (n: number): Array<'left' | 'right'> => ['left', ...Array<'right'>(n - 1).fill('right')];

/** A row of the plan-vs-actual table: actual/plan, and the new A-cards the plan expects by the day. */
function vsRow(name: string, p: PlanProgress): string[] {
  return [name, `${p.newToday}/${p.perDay}`, `${p.aCards}/${p.aCardsPlan}`, String(p.aCardsDue), `${p.deals}/${p.dealsPlan}`];
}

export interface DiagnoseOptions {
  /** The rep's dials-a-day target (daily digest). */
  dialsTarget?: number | null;
  /** What card and close rates are judged against, and whose it is (default: the stated defaults). */
  rates?: PlannedRates;
  /** New customers this month so far against what the rep's own plan expects by now. */
  pace?: { done: number; due: number } | null;
  /** False early in the month, when a monthly close rate means little. */
  judgeClose?: boolean;
}

/** One diagnosis for a rep: the first stage of the funnel that fails, or null. */
export function diagnose(day: MetricsRow | null, funnel: MetricsRow, lang: Lang, o: DiagnoseOptions = {}): string | null {
  const t = texts(lang);
  const dx = t.dx;
  const rates = o.rates ?? DEFAULT_PLANNED;
  const planned = (r: number) => t.planned[rates.source](pct(r));
  const act = day ?? funnel;
  if (day && o.dialsTarget && day.dials < o.dialsTarget * 0.8) return dx.volume(day.dials, o.dialsTarget);
  if (act.dials >= 20 && act.connectRate !== null && act.connectRate < 0.4) return dx.connect(pct(act.connectRate));
  if (act.connected >= 5 && act.avgCallMin !== null && act.avgCallMin < 2) return dx.short(minutes(act.avgCallMin, lang));
  if (o.pace && o.pace.due >= 5 && o.pace.done < o.pace.due * 0.8) return dx.pace(o.pace.done, o.pace.due);
  const cardsOk = funnel.cardRate === null || funnel.newCustomers < 10 || funnel.cardRate >= rates.cardRate * 0.8;
  if (!cardsOk) return dx.cards(pct(funnel.cardRate), planned(rates.cardRate));
  if ((o.judgeClose ?? true) && funnel.pool >= 10 && funnel.closeRate !== null && funnel.closeRate < rates.closeRate * 0.8) return dx.close(pct(funnel.closeRate), planned(rates.closeRate));
  if (funnel.pool >= 10 && funnel.churnRate !== null && funnel.churnRate > 0.2) return dx.churn(pct(funnel.churnRate));
  if (act.followUpsOverdue >= 3) return dx.overdue(act.followUpsOverdue);
  return null;
}

function change(prev: MetricsRow, cur: MetricsRow, lang: Lang): string {
  const n = (label: string, a: number, b: number) => `${label} ${a}→${b}${a ? `（${b >= a ? '+' : ''}${Math.round(((b - a) / a) * 100)}%）` : ''}`;
  const r = (label: string, a: number | null, b: number | null) => `${label} ${pct(a)}→${pct(b)}`;
  const zh = lang === 'zh';
  const parts = zh
    ? [n('拨打', prev.dials, cur.dials), r('接通率', prev.connectRate, cur.connectRate), n('新A卡', prev.newACards, cur.newACards), n('成交', prev.deals, cur.deals), r('建卡率', prev.cardRate, cur.cardRate), r('成交率', prev.closeRate, cur.closeRate), r('流失率', prev.churnRate, cur.churnRate), r('转介绍率', prev.referralRate, cur.referralRate)]
    : [n('dials', prev.dials, cur.dials), r('connect', prev.connectRate, cur.connectRate), n('new A-cards', prev.newACards, cur.newACards), n('deals', prev.deals, cur.deals), r('card', prev.cardRate, cur.cardRate), r('close', prev.closeRate, cur.closeRate), r('churn', prev.churnRate, cur.churnRate), r('referral', prev.referralRate, cur.referralRate)];
  const text = `${texts(lang).change}：${parts.join(' · ')}`;
  return zh ? text : text.replace('：', ': ').replace(/（/g, ' (').replace(/）/g, ')');
}

export async function composeDigest(store: Store, team: TeamRecord, req: DigestRequest): Promise<Reply> {
  const { period, now, lang } = req;
  const t = texts(lang);
  const zone = team.timezone;
  const settings = teamSettings(team);
  const asOf = now < period.to ? now : period.to;
  const single = req.repId !== undefined;
  const daily = period.kind === 'day';
  const prev = daily ? null : previousPeriod(period, zone);
  const month = periodOf('month', period.from, zone);
  const monthKey = monthOf(period.from, zone);
  // The months a week or month covers up to now, for its plan table (a week can span two).
  const slices = daily ? [] : monthSlices(period.from, asOf, zone, settings.workingDays);
  const planMonths = [...new Set([monthKey, ...slices.map((s) => s.month)])];
  // Independent queries, issued together (a pool runs them in parallel; a transaction queues them).
  const [metrics, pm, targets, monthPlans, mtd, objections, allGaps] = await Promise.all([
    store.metrics.teamMetrics(team.id, period.from, period.to, { asOf, repId: req.repId }),
    prev ? store.metrics.teamMetrics(team.id, prev.from, prev.to, { repId: req.repId }) : null,
    daily ? store.targets.list(team.id, monthKey) : [],
    Promise.all(planMonths.map((m) => store.plans.list(team.id, m))),
    daily ? store.metrics.teamMetrics(team.id, month.from, period.to, { asOf, repId: req.repId }) : null,
    single ? [] : store.metrics.topObjections(team.id, period.from, period.to, 5),
    single ? [] : store.questions.listGaps(team.id, { since: period.from, limit: 20 }),
  ]);
  const allPlans = monthPlans.flat();
  const plans = allPlans.filter((p) => p.month === monthKey);
  // Working days of the month after the last day covered: how much of a plan or target is still to do.
  const left = workingDaysLeftInMonth(daily ? period.from : new Date(asOf.getTime() - 1), zone, settings.workingDays, false);
  const reps = [...metrics.reps].sort(rank);
  const label = periodLabel(period, zone, lang);
  const blocks: Block[] = [];
  const lines: string[] = [single && reps[0] ? t.repTitle(reps[0].repName ?? '', period.kind, label) : t.title(team.name, period.kind, label)];
  const tm = metrics.team;
  if (!single) {
    lines.push(t.teamLine({ dials: tm.dials, connected: tm.connected, rate: pct(tm.connectRate), talk: minutes(tm.talkMin, lang), avg: minutes(tm.avgCallMin, lang), newC: tm.newCustomers, newA: tm.newACards, deals: tm.deals, revenue: money(tm.revenue, lang), done: tm.followUpsDone, due: tm.followUpsDue, overdue: tm.followUpsOverdue }));
  }
  blocks.push({ type: 'text', text: lines.join('\n') });
  if (!reps.length) {
    blocks.push({ type: 'text', text: t.noReps });
    return { blocks };
  }

  const shown = cut(reps, req.full);
  const name = (r: MetricsRow) => r.repName ?? `#${r.repId}`;
  const activity = shown.rows.map((r) => activityRow(r, name(r), lang));
  if (!single) activity.push(activityRow(tm, t.teamRow, lang));
  blocks.push({ type: 'table', columns: t.cols, rows: activity, align: RIGHT(t.cols.length) });

  // Month to date per rep (daily): the funnel the diagnosis judges, and the actual a plan is tracked against.
  const mtdBy = new Map<number | null, MetricsRow>((mtd?.reps ?? []).map((r) => [r.repId, r]));
  if (mtd) blocks.push(...planTable(plans, shown.rows, single ? null : [tm, mtd.team], mtdBy, left, name, lang));
  else blocks.push(...periodPlanTable(allPlans, slices, shown.rows, single ? null : tm, name, lang, period.kind));

  if (period.kind !== 'day') {
    const cards = shown.rows.map((r) => cardRow(r, name(r)));
    if (!single) cards.push(cardRow(tm, t.teamRow));
    blocks.push({ type: 'text', text: t.cardsTitle });
    blocks.push({ type: 'table', columns: t.cardCols, rows: cards, align: RIGHT(t.cardCols.length) });
    const before = single ? pm?.reps[0] : pm?.team;
    const after = single ? reps[0] : tm;
    if (before && after) blocks.push({ type: 'text', text: change(before, after, lang) });
  }

  const extra: string[] = [];
  // A monthly close rate means little in the first half of the month: judged from mid-month on.
  let judgeClose = true;
  if (mtd) {
    // Month to date against target (daily): the month containing the day, up to its end.
    const who = single ? (req.repId ?? null) : null;
    const row = single ? mtd.reps[0] : mtd.team;
    if (row) {
      const elapsed = Math.max(1, workingDaysLeftInMonth(month.from, zone, settings.workingDays, true) - left);
      judgeClose = elapsed >= left;
      const pace = (done: number, target: number, fmt: (n: number) => string) =>
        done >= target ? t.reached : left ? t.pace(fmt((target - done) / left)) : '';
      const one = (n: number) => String(Math.round(n * 10) / 10);
      const parts: string[] = [];
      const deals = targetOf(targets, 'deals', who);
      if (deals !== null) parts.push(t.mtdDeals(row.deals, deals, pace(row.deals, deals, one)));
      const revenue = targetOf(targets, 'revenue', who);
      if (revenue !== null) parts.push(t.mtdRevenue(money(row.revenue, lang), money(revenue, lang), pace(row.revenue, revenue, (n) => money(n, lang))));
      // Per-day targets are a standard per rep: compare the average rep's working day.
      const active = single ? 1 : Math.max(1, mtd.reps.filter((r) => r.dials > 0).length);
      const perRepDay = (n: number) => one(n / elapsed / active);
      const dialsT = perDayTarget(targets, 'dials_per_day', who);
      if (dialsT !== null) parts.push(t.mtdPerDay('dials', perRepDay(row.dials), dialsT));
      const connT = perDayTarget(targets, 'connected_per_day', who);
      if (connT !== null) parts.push(t.mtdPerDay('connected', perRepDay(row.connected), connT));
      extra.push(parts.length ? `${t.mtdTitle(left)}${lang === 'zh' ? '' : ' '}${parts.join(lang === 'zh' ? '；' : '; ')}` : t.noTargets);
    }
  }

  if (!single) {
    if (objections.length) {
      const names = labels(lang).objection as Record<string, string>;
      extra.push(t.objections(objections.map((o) => `${names[o.objection as Objection] ?? o.objection} ${o.count}`).join(' · ')));
    }
    const gaps = allGaps.filter((q) => q.createdAt < period.to);
    if (gaps.length) extra.push([t.gaps(gaps.length), ...gaps.slice(0, 5).map((q) => `• ${maskPhonesIn(q.text)}（${q.askerName}）`)].join('\n'));
  }

  const dx: string[] = [];
  for (const r of reps) {
    const funnel = mtdBy.get(r.repId) ?? r;
    // The rep's own plan sets the pace of new customers (daily: month to date; monthly: the month so far).
    const own = period.kind === 'week' ? null : planOf(plans, r.repId);
    const line = diagnose(daily ? r : null, funnel, lang, {
      dialsTarget: daily ? perDayTarget(targets, 'dials_per_day', r.repId) : null,
      rates: plannedRates(plans, r.repId),
      pace: own && { done: funnel.newCustomers, due: Math.round(own.newCustomers * shareDue(own.days, left)) },
      judgeClose,
    });
    if (line) dx.push(`• ${name(r)}${lang === 'zh' ? '：' : ': '}${line}`);
  }
  if (dx.length) extra.push([t.diagnosisTitle, ...(shown.cut ? dx.slice(0, 10) : dx)].join('\n'));
  if (extra.length) blocks.push({ type: 'text', text: extra.join('\n\n') });

  if (shown.cut) {
    blocks.push({ type: 'text', text: t.cut(shown.rows.length, reps.length) });
    blocks.push({ type: 'buttons', buttons: [{ label: t.fullTable, action: 'digest.full', value: `${period.kind}:${period.key}` }] });
  }
  return { blocks };
}

/**
 * Plan against actual (daily), for the shown reps who have a plan this month and the team when it
 * has one: new customers on the day against the plan's per day, new A-cards and deals month to
 * date against the plan, and the new A-cards the plan expects by the day. Nothing without plans.
 */
function planTable(
  plans: PlanRecord[],
  rows: MetricsRow[],
  team: [day: MetricsRow, mtd: MetricsRow] | null,
  mtdBy: Map<number | null, MetricsRow>,
  left: number,
  name: (r: MetricsRow) => string,
  lang: Lang,
): Block[] {
  const t = texts(lang);
  const vs: string[][] = [];
  for (const r of rows) {
    const plan = planOf(plans, r.repId);
    const mtd = mtdBy.get(r.repId);
    if (plan && mtd) vs.push(vsRow(name(r), progress(plan, r, mtd, left)));
  }
  const teamPlan = team && planOf(plans, null);
  if (team && teamPlan) vs.push(vsRow(t.teamRow, progress(teamPlan, team[0], team[1], left)));
  if (!vs.length) return [];
  return [{ type: 'text', text: t.vsTitle }, { type: 'table', columns: t.vsCols, rows: vs, align: RIGHT(t.vsCols.length) }];
}

/**
 * Plan against actual for a week or a month (so far): for the shown reps with plans for every month
 * the period touches, and the team, new customers, new A-cards and deals against what the plans
 * expect over the working days covered. Nothing without plans.
 */
function periodPlanTable(
  plans: PlanRecord[],
  slices: MonthSlice[],
  rows: MetricsRow[],
  team: MetricsRow | null,
  name: (r: MetricsRow) => string,
  lang: Lang,
  kind: PeriodKind,
): Block[] {
  const t = texts(lang);
  const row = (label: string, p: PeriodProgress) => [label, `${p.newCustomers}/${p.newCustomersDue}`, `${p.aCards}/${p.aCardsDue}`, `${p.deals}/${p.dealsDue}`];
  const vs: string[][] = [];
  for (const r of rows) {
    const p = periodProgress(plans, r.repId, slices, r);
    if (p) vs.push(row(name(r), p));
  }
  const teamProgress = team && periodProgress(plans, null, slices, team);
  if (teamProgress) vs.push(row(t.teamRow, teamProgress));
  if (!vs.length) return [];
  return [{ type: 'text', text: t.vsPeriodTitle(kind) }, { type: 'table', columns: t.vsPeriodCols, rows: vs, align: RIGHT(t.vsPeriodCols.length) }];
}

/** The period a key names (from the Full table button), in the team's zone. */
export function periodFromKey(kind: string, key: string, zone: string): Period | null {
  if (kind !== 'day' && kind !== 'week' && kind !== 'month') return null;
  if (!/^\d{4}-(W\d{2}|\d{2})(-\d{2})?$/.test(key)) return null;
  const dt = DateTime.fromISO(kind === 'week' ? `${key}-1` : key, { zone });
  return dt.isValid ? periodOf(kind, dt.toJSDate(), zone) : null;
}
