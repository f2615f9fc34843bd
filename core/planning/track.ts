/**
 * Plan against actual, for the digest: which plan judges a rep (their own, else the team's, else
 * the stated defaults) and how much of a stored plan is due by a given day.
 */
import type { MonthSlice } from '../digest/period.ts';
import type { MetricsRow } from '../records.ts';
import { DEFAULT_RATES } from './defaults.ts';
import type { PlanRecord } from './plan.ts';

export type RateSource = 'rep' | 'team' | 'default';

export interface PlannedRates {
  closeRate: number;
  cardRate: number;
  /** Whose they are: the rep's own plan, the team's plan, or the stated defaults. */
  source: RateSource;
}

export const DEFAULT_PLANNED: PlannedRates = { ...DEFAULT_RATES, source: 'default' };

/** The plan of a rep, or of the team (userId null); never another's. */
export function planOf(plans: PlanRecord[], userId: number | null): PlanRecord | null {
  return plans.find((p) => p.userId === userId) ?? null;
}

/** The rates a rep's numbers are judged against: their plan's, else the team plan's, else the defaults. */
export function plannedRates(plans: PlanRecord[], userId: number | null): PlannedRates {
  const own = userId === null ? null : planOf(plans, userId);
  if (own) return { closeRate: own.closeRate, cardRate: own.cardRate, source: 'rep' };
  const team = planOf(plans, null);
  if (team) return { closeRate: team.closeRate, cardRate: team.cardRate, source: 'team' };
  return DEFAULT_PLANNED;
}

/**
 * The share of a plan due by the end of a day followed by `left` working days in the month: the
 * plan spreads its work evenly over its `days` working days, ending with the month.
 */
export function shareDue(days: number, left: number): number {
  return Math.min(1, Math.max(0, (days - left) / days));
}

export interface PlanProgress {
  /** New customers on the day, and the plan's per day. */
  newToday: number;
  perDay: number;
  /** Month to date: new A-cards, what the plan expects by the day and its total; deals and the plan's. */
  aCards: number;
  aCardsDue: number;
  aCardsPlan: number;
  deals: number;
  dealsPlan: number;
}

/** A plan against the day's numbers and the month to date (through that day). */
export function progress(plan: PlanRecord, day: MetricsRow, mtd: MetricsRow, left: number): PlanProgress {
  const share = shareDue(plan.days, left);
  return {
    newToday: day.newCustomers,
    perDay: plan.customersPerDay,
    aCards: mtd.newACards,
    aCardsDue: Math.round(plan.newACards * share),
    aCardsPlan: plan.newACards,
    deals: mtd.deals,
    dealsPlan: plan.deals,
  };
}

/** The share of its month's plan a slice of the month carries (a week's, or the month so far). */
export function sliceShare(plan: PlanRecord, slice: MonthSlice): number {
  const before = slice.leftAtStart === null ? 0 : shareDue(plan.days, slice.leftAtStart);
  return Math.max(0, shareDue(plan.days, slice.leftAfter) - before);
}

export interface PeriodProgress {
  /** In the period: actual, and what the plans expect over the working days it covers. */
  newCustomers: number;
  newCustomersDue: number;
  aCards: number;
  aCardsDue: number;
  deals: number;
  dealsDue: number;
}

/**
 * A week's or a month's numbers against the plans of the months it covers (the rep's, or the
 * team's when userId is null); null unless every month it touches has such a plan.
 */
export function periodProgress(plans: PlanRecord[], userId: number | null, slices: MonthSlice[], actual: MetricsRow): PeriodProgress | null {
  if (!slices.length) return null;
  let customers = 0;
  let cards = 0;
  let deals = 0;
  for (const slice of slices) {
    const plan = plans.find((p) => p.userId === userId && p.month === slice.month);
    if (!plan) return null;
    const share = sliceShare(plan, slice);
    customers += plan.newCustomers * share;
    cards += plan.newACards * share;
    deals += plan.deals * share;
  }
  return {
    newCustomers: actual.newCustomers,
    newCustomersDue: Math.round(customers),
    aCards: actual.newACards,
    aCardsDue: Math.round(cards),
    deals: actual.deals,
    dealsDue: Math.round(deals * 10) / 10,
  };
}
