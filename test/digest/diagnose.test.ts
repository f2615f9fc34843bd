import { describe, expect, it } from 'vitest';
import { diagnose } from '../../core/digest/compose.ts';
import type { MetricsRow } from '../../core/records.ts';

const row = (over: Partial<MetricsRow>): MetricsRow => ({
  repId: 1, repName: 'Alice', dials: 100, connected: 60, connectRate: 0.6, talkMin: 210, avgCallMin: 3.5,
  newCustomers: 40, newACards: 10, deals: 3, referralDeals: 0, revenue: 0, followUpsDone: 5, followUpsDue: 5, followUpsOverdue: 0,
  carriedACards: 90, pool: 100, wonFromPool: 5, lostFromPool: 2, cardRate: 0.25, closeRate: 0.05, churnRate: 0.02, referralRate: 0, ...over,
});

describe('the diagnosis of a rep: the first funnel stage that fails', () => {
  it('names the domain example: A-cards on target, deals behind', () => {
    expect(diagnose(null, row({ wonFromPool: 3, closeRate: 0.03 }), null, 'en')).toBe('A-cards on target, deals behind: close rate 3% vs 5% planned — coach closing');
    expect(diagnose(null, row({ wonFromPool: 3, closeRate: 0.03 }), null, 'zh')).toBe('A卡达标、成交落后：成交率 3%，计划 5% — 辅导促成');
    expect(diagnose(null, row({ closeRate: 0.03 }), null, 'en', false)).toBeNull(); // too early in the month to judge
  });
  it('checks volume, connect rate, call length, card rate, churn and overdue in that order, and says nothing when all is well', () => {
    expect(diagnose(row({ dials: 70 }), row({}), 100, 'en')).toBe('70 dials vs 100/day target — not enough calls');
    expect(diagnose(row({ dials: 85 }), row({}), 100, 'en')).toBeNull(); // within 80% of the target
    expect(diagnose(null, row({ connectRate: 0.3, cardRate: 0.1 }), null, 'en')).toBe('connect rate 30% is low — check the lists and calling hours');
    expect(diagnose(null, row({ avgCallMin: 1.5 }), null, 'en')).toBe('average call 1.5m — calls end early, practise the opening');
    expect(diagnose(null, row({ cardRate: 0.1, closeRate: 0.01 }), null, 'en')).toBe('card rate 10% vs 25% planned — coach needs discovery');
    expect(diagnose(null, row({ churnRate: 0.3 }), null, 'en')).toBe('churn 30% is high — follow A-cards up on time');
    expect(diagnose(null, row({ followUpsOverdue: 4 }), null, 'en')).toBe('4 follow-ups overdue — clear them first');
    expect(diagnose(null, row({}), null, 'en')).toBeNull();
    // too little to judge: no rates from a handful of calls
    expect(diagnose(null, row({ dials: 5, connectRate: 0.2, pool: 3, closeRate: 0, newCustomers: 2, cardRate: 0 }), null, 'en')).toBeNull();
  });
});
