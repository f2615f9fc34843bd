import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { at, type Fixture, seedFixture } from './fixture.ts';

const DAY = { from: at('11-23T00:00:00'), to: at('11-24T00:00:00'), asOf: at('11-23T18:30:00') };

describe.each(databaseKinds())('metrics in SQL on %s', (kind) => {
  let database: TestDatabase;
  let fx: Fixture;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
    fx = await seedFixture(database);
  });
  afterEach(() => database.close());

  it('counts a day per rep and for the team, with the formulas of domain.md', async () => {
    const m = await database.store.metrics.teamMetrics(fx.teamId, DAY.from, DAY.to, { asOf: DAY.asOf });
    const zhang = m.reps.find((r) => r.repId === fx.zhang)!;
    expect(zhang).toEqual({
      repId: fx.zhang,
      repName: '张三',
      dials: 4, // 3 calls + 1 busy; the visit is not a dial, the calls at 23:59 the day before and 00:00 after are outside
      connected: 2,
      connectRate: 0.5,
      talkMin: 12,
      avgCallMin: 6,
      newCustomers: 3,
      newACards: 2,
      deals: 2,
      referralDeals: 1,
      revenue: 8000,
      followUpsDone: 1,
      followUpsDue: 3, // 10:00 done, 15:00 and 20:00 pending; the cancelled one does not count
      followUpsOverdue: 2, // 15:00 today and the snoozed one of the 20th, not 20:00 (after 18:30)
      carriedACards: 2,
      pool: 4,
      wonFromPool: 2,
      lostFromPool: 1,
      cardRate: 2 / 3,
      closeRate: 0.5,
      churnRate: 0.25,
      referralRate: 0.5,
    });
    const li = m.reps.find((r) => r.repId === fx.li)!;
    expect(li).toMatchObject({ dials: 2, connected: 1, connectRate: 0.5, talkMin: 3, avgCallMin: 3, newCustomers: 1, newACards: 0, deals: 0, revenue: 0, followUpsDue: 1, followUpsDone: 1, followUpsOverdue: 0, pool: 0, cardRate: 0, closeRate: null, churnRate: null, referralRate: null });
    const wang = m.reps.find((r) => r.repId === fx.wang)!;
    expect(wang).toMatchObject({ repName: '王五', dials: 0, connectRate: null, avgCallMin: null, cardRate: null, closeRate: null });
    expect(m.reps.map((r) => r.repName)).toEqual(['张三', '李四', '王五'].sort((a, b) => (a < b ? -1 : 1)));
    expect(m.team).toEqual({
      repId: null,
      repName: null,
      dials: 6,
      connected: 3,
      connectRate: 0.5,
      talkMin: 15,
      avgCallMin: 5,
      newCustomers: 4,
      newACards: 2,
      deals: 2,
      referralDeals: 1,
      revenue: 8000,
      followUpsDone: 2,
      followUpsDue: 4,
      followUpsOverdue: 2,
      carriedACards: 2,
      pool: 4,
      wonFromPool: 2,
      lostFromPool: 1,
      cardRate: 0.5,
      closeRate: 0.5,
      churnRate: 0.25,
      referralRate: 0.5,
    });
  });

  it('restricts the rows to one rep on request, the total stays the team', async () => {
    const m = await database.store.metrics.teamMetrics(fx.teamId, DAY.from, DAY.to, { asOf: DAY.asOf, repId: fx.li });
    expect(m.reps.map((r) => r.repId)).toEqual([fx.li]);
    expect(m.team.dials).toBe(6);
  });

  it('an empty period gives zeros and null rates, never a division by zero', async () => {
    const m = await database.store.metrics.teamMetrics(fx.teamId, at('10-01T00:00:00'), at('10-02T00:00:00'));
    expect(m.reps).toHaveLength(3);
    for (const row of [m.team, ...m.reps]) {
      expect(row).toMatchObject({ dials: 0, connected: 0, talkMin: 0, deals: 0, revenue: 0, pool: 0, followUpsOverdue: 0 });
      expect([row.connectRate, row.avgCallMin, row.cardRate, row.closeRate, row.churnRate, row.referralRate]).toEqual([null, null, null, null, null, null]);
    }
  });

  it('ranks the objections heard in the period', async () => {
    expect(await database.store.metrics.topObjections(fx.teamId, DAY.from, DAY.to, 5)).toEqual([
      { objection: 'price', count: 2 },
      { objection: 'no_time', count: 1 },
      { objection: 'trust', count: 1 },
    ]);
  });

  it('stores monthly targets per rep and for the team, replacing on a second set', async () => {
    const t = database.store.targets;
    await t.set({ teamId: fx.teamId, userId: fx.zhang, month: '2026-11', metric: 'deals', value: 5, setBy: fx.boss });
    await t.set({ teamId: fx.teamId, userId: null, month: '2026-11', metric: 'dials_per_day', value: 80, setBy: fx.boss });
    await t.set({ teamId: fx.teamId, userId: null, month: '2026-11', metric: 'dials_per_day', value: 100, setBy: fx.boss });
    const list = await t.list(fx.teamId, '2026-11');
    expect(list).toHaveLength(2);
    expect(list).toContainEqual({ teamId: fx.teamId, userId: null, month: '2026-11', metric: 'dials_per_day', value: 100 });
    expect(list).toContainEqual({ teamId: fx.teamId, userId: fx.zhang, month: '2026-11', metric: 'deals', value: 5 });
    expect(await t.list(fx.teamId, '2026-12')).toEqual([]);
  });
});
