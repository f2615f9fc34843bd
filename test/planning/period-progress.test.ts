/**
 * Weekly and monthly plan tracking: which part of each month's plan a period carries (its working
 * days, the plan ending with the month), and the period's numbers against it.
 */
import { describe, expect, it } from 'vitest';
import { monthSlices, periodOf } from '../../core/digest/period.ts';
import { makePlan, type PlanInputs, type PlanRecord } from '../../core/planning/plan.ts';
import { periodProgress, sliceShare } from '../../core/planning/track.ts';
import type { MetricsRow } from '../../core/records.ts';

const ZONE = 'Asia/Shanghai';
const MON_SAT = [1, 2, 3, 4, 5, 6];
const at = (s: string) => new Date(`${s}+08:00`);

function plan(userId: number | null, month: string, p: PlanInputs): PlanRecord {
  return { teamId: 1, userId, month, ...p, ...makePlan(p) };
}

const actual = (newCustomers: number, newACards: number, deals: number) => ({ newCustomers, newACards, deals }) as MetricsRow;

describe('month slices', () => {
  it('a week inside a month: working days left at its start and after its end', () => {
    // Mon 23 – Sun 29 Nov 2026: 23–28 and 30 are working days from the 23rd on; only the 30th after.
    expect(monthSlices(at('2026-11-23T00:00:00'), at('2026-11-30T00:00:00'), ZONE, MON_SAT)).toEqual([{ month: '2026-11', leftAtStart: 7, leftAfter: 1 }]);
  });

  it('a week across a month end gives one slice per month; a month so far starts at its first day', () => {
    expect(monthSlices(at('2026-11-30T00:00:00'), at('2026-12-07T00:00:00'), ZONE, MON_SAT)).toEqual([
      { month: '2026-11', leftAtStart: 1, leftAfter: 0 },
      { month: '2026-12', leftAtStart: null, leftAfter: 22 }, // Dec 2026 has 27 working days, 5 of them by Sun 6th
    ]);
    // The month until 18:30 on the 23rd: that day counts as covered.
    expect(monthSlices(at('2026-11-01T00:00:00'), at('2026-11-23T18:30:00'), ZONE, MON_SAT)).toEqual([{ month: '2026-11', leftAtStart: null, leftAfter: 6 }]);
  });

  it('ends a month at the next month’s start even where DST begins at midnight (Havana, April 2012)', () => {
    const april = periodOf('month', new Date('2012-04-15T12:00:00-04:00'), 'America/Havana');
    expect(april.to.toISOString()).toBe(new Date('2012-05-01T00:00:00-04:00').toISOString());
    expect(monthSlices(april.from, april.to, 'America/Havana', MON_SAT).map((s) => s.month)).toEqual(['2012-04']);
  });

  it('is empty for an empty stretch', () => {
    expect(monthSlices(at('2026-11-23T00:00:00'), at('2026-11-23T00:00:00'), ZONE, MON_SAT)).toEqual([]);
  });
});

describe('plan against a period', () => {
  const nov = plan(7, '2026-11', { deals: 5, closeRate: 0.05, carried: 0, cardRate: 0.25, days: 22 }); // 100 A-cards, 400 customers

  it('a week carries its working days of the plan: 6 of 22', () => {
    const [slice] = monthSlices(at('2026-11-23T00:00:00'), at('2026-11-30T00:00:00'), ZONE, MON_SAT);
    expect(sliceShare(nov, slice!)).toBeCloseTo(6 / 22);
    expect(periodProgress([nov], 7, [slice!], actual(40, 12, 2))).toEqual({ newCustomers: 40, newCustomersDue: 109, aCards: 12, aCardsDue: 27, deals: 2, dealsDue: 1.4 });
  });

  it('a week across two months adds both months’ shares, and needs a plan for each', () => {
    const slices = monthSlices(at('2026-11-30T00:00:00'), at('2026-12-07T00:00:00'), ZONE, MON_SAT);
    const dec = plan(7, '2026-12', { deals: 13, closeRate: 0.1, carried: 0, cardRate: 0.5, days: 26 }); // 130 A-cards, 260 customers
    // Nov: the last 1 of 22 days; Dec: 4 of 26 (the plan's 26 days end with the month's 27).
    expect(periodProgress([nov, dec], 7, slices, actual(50, 20, 1))).toEqual({
      newCustomers: 50,
      newCustomersDue: Math.round(400 / 22 + (260 * 4) / 26),
      aCards: 20,
      aCardsDue: Math.round(100 / 22 + (130 * 4) / 26),
      deals: 1,
      dealsDue: Math.round((5 / 22 + (13 * 4) / 26) * 10) / 10,
    });
    expect(periodProgress([nov], 7, slices, actual(50, 20, 1))).toBeNull();
  });

  it('a month so far is the share due by its last covered day; the whole month is the whole plan', () => {
    const soFar = monthSlices(at('2026-11-01T00:00:00'), at('2026-11-23T18:30:00'), ZONE, MON_SAT);
    expect(periodProgress([nov], 7, soFar, actual(7, 6, 2))).toMatchObject({ newCustomersDue: 291, aCardsDue: 73, dealsDue: 3.6 });
    const whole = monthSlices(at('2026-11-01T00:00:00'), at('2026-12-01T00:00:00'), ZONE, MON_SAT);
    expect(periodProgress([nov], 7, whole, actual(0, 0, 0))).toMatchObject({ newCustomersDue: 400, aCardsDue: 100, dealsDue: 5 });
  });

  it('uses only the plan of the person asked about: the team’s plan is not a rep’s', () => {
    const team = plan(null, '2026-11', { deals: 10, closeRate: 0.3, carried: 0, cardRate: 0.25, days: 25 });
    const slices = monthSlices(at('2026-11-23T00:00:00'), at('2026-11-30T00:00:00'), ZONE, MON_SAT);
    expect(periodProgress([team], 7, slices, actual(1, 1, 1))).toBeNull();
    expect(periodProgress([team, nov], null, slices, actual(5, 3, 2))).toEqual({ newCustomers: 5, newCustomersDue: 33, aCards: 3, aCardsDue: 8, deals: 2, dealsDue: 2.4 });
  });
});
