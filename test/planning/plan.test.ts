import { describe, expect, it } from 'vitest';
import { makePlan, parsePlanArgs, PlanError } from '../../core/planning/plan.ts';

describe('the planning chain', () => {
  it('5 deals at 5% with 50 carried, 25% card rate over 22 days: pool 100, 50 A-cards, 200 customers, 10 a day', () => {
    expect(makePlan({ deals: 5, closeRate: 0.05, carried: 50, cardRate: 0.25, days: 22 })).toEqual({
      pool: 100,
      newACards: 50,
      newCustomers: 200,
      customersPerDay: 10, // 200 / 22 = 9.09 → 10
      aCardsPerDay: 3, // 50 / 22 = 2.27 → 3
    });
  });

  it('rounds up at every step and never asks for negative work', () => {
    // 3 / 0.07 = 42.86 → 43; 43 − 10 = 33; 33 / 0.3 = 110; 110 / 20 = 5.5 → 6
    expect(makePlan({ deals: 3, closeRate: 0.07, carried: 10, cardRate: 0.3, days: 20 })).toMatchObject({ pool: 43, newACards: 33, newCustomers: 110, customersPerDay: 6 });
    expect(makePlan({ deals: 2, closeRate: 0.1, carried: 50, cardRate: 0.25, days: 10 })).toMatchObject({ pool: 20, newACards: 0, newCustomers: 0, customersPerDay: 0 });
    // float noise: 0.07 * 100 deals = pool 100 exactly, not 101
    expect(makePlan({ deals: 7, closeRate: 0.07, carried: 0, cardRate: 0.35, days: 1 }).pool).toBe(100);
    expect(makePlan({ deals: 7, closeRate: 0.07, carried: 0, cardRate: 0.35, days: 1 }).newCustomers).toBe(286); // 100 / 0.35 = 285.7
  });

  it('rejects rates of zero and zero days', () => {
    expect(() => makePlan({ deals: 5, closeRate: 0, carried: 0, cardRate: 0.25, days: 22 })).toThrow(PlanError);
    expect(() => makePlan({ deals: 5, closeRate: 0.05, carried: 0, cardRate: 0, days: 22 })).toThrow(PlanError);
    expect(() => makePlan({ deals: 5, closeRate: 0.05, carried: 0, cardRate: 0.25, days: 0 })).toThrow(PlanError);
  });
});

describe('reading /plan', () => {
  const full = { deals: 5, closeRate: 0.05, carried: 50, cardRate: 0.25, days: 22 };
  it('reads the Chinese words', () => {
    expect(parsePlanArgs('5单 成交率5% 已有A卡50 建卡率25% 22天')).toEqual({ values: full });
    expect(parsePlanArgs('成交率 5％ 建卡率25 22个工作日 目标5单')).toEqual({ values: { deals: 5, closeRate: 0.05, cardRate: 0.25, days: 22 } });
  });
  it('reads the flags', () => {
    expect(parsePlanArgs('5 --close-rate 5% --carried 50 --card-rate 25% --days 22')).toEqual({ values: full });
    expect(parsePlanArgs('--deals=8 --close-rate=4')).toEqual({ values: { deals: 8, closeRate: 0.04 } });
  });
  it('reads English words and a rep name, and refuses what it cannot read', () => {
    expect(parsePlanArgs('Alice 5 deals close rate 5% 50 carried card rate 25% 22 days')).toEqual({ rep: 'Alice', values: full });
    expect(parsePlanArgs('张三 5单')).toEqual({ rep: '张三', values: { deals: 5 } });
    expect(parsePlanArgs('')).toEqual({ values: {} });
    expect(parsePlanArgs('5单 --bogus 7')).toEqual({ error: '--bogus' });
  });
});
