import { describe, expect, it } from 'vitest';
import { diagnose } from '../../core/digest/compose.ts';
import type { PlanRecord } from '../../core/planning/plan.ts';
import { plannedRates, shareDue } from '../../core/planning/track.ts';
import type { MetricsRow } from '../../core/records.ts';

const row = (over: Partial<MetricsRow>): MetricsRow => ({
  repId: 1, repName: 'Alice', dials: 100, connected: 60, connectRate: 0.6, talkMin: 210, avgCallMin: 3.5,
  newCustomers: 40, newACards: 10, deals: 3, referralDeals: 0, revenue: 0, followUpsDone: 5, followUpsDue: 5, followUpsOverdue: 0,
  carriedACards: 90, pool: 100, wonFromPool: 5, lostFromPool: 2, cardRate: 0.25, closeRate: 0.05, churnRate: 0.02, referralRate: 0, ...over,
});

const plan = (userId: number | null, closeRate: number, cardRate: number): PlanRecord => ({
  teamId: 1, userId, month: '2026-11', deals: 5, closeRate, carried: 0, cardRate, days: 22, pool: 0, newACards: 0, newCustomers: 0, customersPerDay: 0, aCardsPerDay: 0,
});

describe('the diagnosis of a rep: the first funnel stage that fails', () => {
  it('names the domain example against the rep’s plan: A-cards on target, deals behind', () => {
    const rates = plannedRates([plan(1, 0.05, 0.25)], 1);
    expect(diagnose(null, row({ wonFromPool: 3, closeRate: 0.03 }), 'en', { rates })).toBe('A-cards on target, deals behind: close rate 3% vs 5% planned — coach closing');
    expect(diagnose(null, row({ wonFromPool: 3, closeRate: 0.03 }), 'zh', { rates })).toBe('A卡达标、成交落后：成交率 3%，计划 5% — 辅导促成');
    expect(diagnose(null, row({ closeRate: 0.03 }), 'en', { rates, judgeClose: false })).toBeNull(); // too early in the month to judge
  });

  it('judges rates by the rep’s plan, else the team’s plan, else the defaults, and says which', () => {
    const plans = [plan(null, 0.1, 0.4), plan(1, 0.02, 0.25)];
    expect(plannedRates(plans, 1)).toEqual({ closeRate: 0.02, cardRate: 0.25, source: 'rep' });
    expect(plannedRates(plans, 2)).toEqual({ closeRate: 0.1, cardRate: 0.4, source: 'team' });
    expect(plannedRates([plan(1, 0.02, 0.25)], 2)).toEqual({ closeRate: 0.05, cardRate: 0.25, source: 'default' });
    const weak = row({ closeRate: 0.03 });
    expect(diagnose(null, weak, 'en', { rates: plannedRates(plans, 1) })).toBeNull(); // 3% beats the rep's own 2%
    expect(diagnose(null, weak, 'en', { rates: plannedRates(plans, 2) })).toBe('card rate 25% vs 40% in the team plan — coach needs discovery');
    expect(diagnose(null, weak, 'zh')).toBe('A卡达标、成交落后：成交率 3%，默认值 5% — 辅导促成');
  });

  it('flags new customers behind the plan’s pace before the rates', () => {
    // A plan over 22 working days with 6 left: 16/22 of it is due.
    expect(shareDue(22, 6)).toBeCloseTo(16 / 22);
    expect(shareDue(7, 20)).toBe(0);
    expect(diagnose(null, row({ newCustomers: 20, cardRate: 0.1 }), 'en', { pace: { done: 20, due: 291 } })).toBe('20 new customers this month vs 291 due by plan — not enough new customers contacted');
    expect(diagnose(null, row({}), 'en', { pace: { done: 85, due: 100 } })).toBeNull(); // within 80% of the pace
  });

  it('checks volume, connect rate, call length, card rate, churn and overdue in that order, and says nothing when all is well', () => {
    expect(diagnose(row({ dials: 70 }), row({}), 'en', { dialsTarget: 100 })).toBe('70 dials vs 100/day target — not enough calls');
    expect(diagnose(row({ dials: 85 }), row({}), 'en', { dialsTarget: 100 })).toBeNull(); // within 80% of the target
    expect(diagnose(null, row({ connectRate: 0.3, cardRate: 0.1 }), 'en')).toBe('connect rate 30% is low — check the lists and calling hours');
    expect(diagnose(null, row({ avgCallMin: 1.5 }), 'en')).toBe('average call 1.5m — calls end early, practise the opening');
    expect(diagnose(null, row({ cardRate: 0.1, closeRate: 0.01 }), 'en')).toBe('card rate 10% vs 25% default — coach needs discovery');
    expect(diagnose(null, row({ churnRate: 0.3 }), 'en')).toBe('churn 30% is high — follow A-cards up on time');
    expect(diagnose(null, row({ followUpsOverdue: 4 }), 'en')).toBe('4 follow-ups overdue — clear them first');
    expect(diagnose(null, row({}), 'en')).toBeNull();
    // too little to judge: no rates from a handful of calls
    expect(diagnose(null, row({ dials: 5, connectRate: 0.2, pool: 3, closeRate: 0, newCustomers: 2, cardRate: 0 }), 'en')).toBeNull();
  });
});
