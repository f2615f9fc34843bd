import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.ts';
import { composeDigest, LONG_TEAM } from '../../core/digest/compose.ts';
import { periodOf } from '../../core/digest/period.ts';
import { digestTick } from '../../core/digest/tick.ts';
import { makePlan, type PlanInputs } from '../../core/planning/plan.ts';
import type { Reply } from '../../core/reply.ts';
import { buttonsOf, replyText } from '../../core/reply.ts';
import { customers } from '../../db/schema.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { at, type Fixture, seedFixture } from './fixture.ts';

const ZONE = 'Asia/Shanghai';

function tables(reply: Reply) {
  return reply.blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
}

describe.each(databaseKinds())('the digest on %s', (kind) => {
  let database: TestDatabase;
  let fx: Fixture;
  const store = () => database.store;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
    fx = await seedFixture(database);
  });
  afterEach(() => database.close());

  async function team() {
    return (await store().teams.get(fx.teamId))!;
  }

  /** The digests written to the outbox so far (marked sent), in order. */
  async function outbox(clock: ManualClock) {
    const messages = await store().outbox.claimDue('console', clock.now(), new Date(clock.now().getTime() + 60_000), 50);
    for (const m of messages) await store().outbox.markSent(m.id, clock.now());
    return messages.map((m) => ({ chatId: m.chatId, text: m.replies.map(replyText).join('\n') }));
  }

  it('daily: team totals, a row per rep, progress against target, objections, gaps and diagnosis', async () => {
    await store().targets.set({ teamId: fx.teamId, userId: null, month: '2026-11', metric: 'deals', value: 10, setBy: fx.boss });
    await store().targets.set({ teamId: fx.teamId, userId: null, month: '2026-11', metric: 'dials_per_day', value: 100, setBy: fx.boss });
    const q = await store().questions.record({ teamId: fx.teamId, askerId: fx.li, text: '周末能打 13812345678 吗', platform: 'console', chatId: 'x', answered: false, articleSlugs: [] });
    await database.db.execute(sql`update kb_questions set created_at = ${at('11-23T11:00:00').toISOString()}::timestamptz where id = ${q.id}`);
    const now = at('11-23T18:30:00');
    const reply = await composeDigest(store(), await team(), { period: periodOf('day', now, ZONE), now, lang: 'zh' });
    const text = replyText(reply);
    expect(text).toContain('📊 一组 · 日报 · 11月23日 周一');
    expect(text).toContain('团队：拨打 6 · 接通 3（50%）· 通话 15分 · 次均 5分 · 新客 4 · 新A卡 2 · 成交 2 单 8,000元 · 跟进 完成 2/应跟 4 · 逾期 2');
    const [table] = tables(reply);
    expect(table!.columns).toEqual(['销售', '拨打', '接通', '接通率', '通话', '次均', '新客', 'A卡', '成交', '金额', '跟进']);
    expect(table!.rows).toEqual([
      ['张三', '4', '2', '50%', '12分', '6分', '3', '2', '2', '8,000', '1/3 逾2'],
      ['李四', '2', '1', '50%', '3分', '3分', '1', '0', '0', '0', '1/1'],
      ['王五', '0', '0', '—', '0分', '—', '0', '0', '0', '0', '0/0'],
      ['团队', '6', '3', '50%', '15分', '5分', '4', '2', '2', '8,000', '2/4 逾2'],
    ]);
    // 2 deals so far in November; 6 working days left after the 23rd (Mon–Sat): (10 − 2) / 6 = 1.3
    expect(text).toContain('本月进度（还剩 6 个工作日）：成交 2/10 单，每天还需 1.3');
    expect(text).toContain('高频异议：价格 2 · 没时间 1 · 不信任 1');
    expect(text).toContain('知识库没答上的问题（1）：\n• 周末能打 138****5678 吗（李四）');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('• 张三：拨打 4，目标 100/天 — 量不够，先保证拨打量');
    expect(text).not.toContain('99999'); // the other team's deal
  });

  it('daily: plan against actual for reps with a plan and the team, diagnosis by the rep’s plan, else the team’s', async () => {
    const save = (userId: number | null, p: PlanInputs) => store().plans.save({ teamId: fx.teamId, userId, month: '2026-11', ...p, ...makePlan(p), setBy: fx.boss });
    await save(fx.zhang, { deals: 5, closeRate: 0.05, carried: 0, cardRate: 0.25, days: 22 }); // 100 new A-cards, 400 new customers, 19 a day
    await save(null, { deals: 10, closeRate: 0.3, carried: 0, cardRate: 0.25, days: 25 }); // 34 new A-cards, 136 new customers, 6 a day
    expect((await store().plans.list(fx.teamId, '2026-11')).map((p) => [p.userId, p.newACards, p.customersPerDay])).toEqual([[null, 34, 6], [fx.zhang, 100, 19]]);
    // 李四 made 10 A-cards early in the month and closed none: a pool big enough to judge.
    await database.db.insert(customers).values(Array.from({ length: 10 }, (_, i) => ({ teamId: fx.teamId, ownerId: fx.li, name: `L${i}`, stage: 'intent' as const, createdAt: at('11-05T10:00:00'), intentAt: at('11-05T10:00:00') })));
    const now = at('11-23T18:30:00');
    const reply = await composeDigest(store(), await team(), { period: periodOf('day', now, ZONE), now, lang: 'zh' });
    const text = replyText(reply);
    expect(text).toContain('📐 计划对照');
    const vs = tables(reply)[1]!;
    expect(vs.columns).toEqual(['销售', '今日新客', '本月新A卡', '应有', '本月成交']);
    // 6 working days left of 22 planned: 16/22 of the plan is due (100 → 73); the team: 19/25 of 34 → 26.
    expect(vs.rows).toEqual([
      ['张三', '3/19', '6/100', '73', '2/5'],
      ['团队', '4/6', '16/34', '26', '2/10'],
    ]);
    expect(text).toContain('• 张三：本月新客 7，按计划应有 291 — 接触的新客户不够');
    expect(text).toContain('• 李四：A卡达标、成交落后：成交率 0%，团队计划 30% — 辅导促成');
    expect(text).not.toContain('• 王五');
  });

  it('weekly in English: the four A-card metrics and the change against the previous week', async () => {
    const now = at('11-30T09:00:00');
    const week = periodOf('week', at('11-23T12:00:00'), ZONE);
    const reply = await composeDigest(store(), await team(), { period: week, now, lang: 'en' });
    const text = replyText(reply);
    expect(text).toContain('📊 一组 · weekly digest · 23 Nov–29 Nov');
    const [, cards] = tables(reply);
    expect(cards!.columns).toEqual(['Rep', 'New', 'New A', 'Carried', 'Pool', 'Won', 'Lost', 'Card%', 'Close%', 'Churn%', 'Referral%']);
    // The week adds cA8 (created and A-card at 00:00 on the 24th) to 张三's day: 4 new, 3 new A-cards, pool 5.
    expect(cards!.rows[0]).toEqual(['张三', '4', '3', '2', '5', '2', '1', '75%', '40%', '20%', '50%']);
    expect(cards!.rows.at(-1)).toEqual(['Team', '5', '3', '2', '5', '2', '1', '60%', '40%', '20%', '50%']);
    // previous week: only 张三's connected call at 23:59 on the 22nd; this week 6 + the call at 00:00 on the 24th
    expect(text).toContain('vs previous: dials 1→7 (+600%) · connect 100%→57.1%');
  });

  it('weekly and monthly: plan against actual over the working days covered', async () => {
    const save = (userId: number | null, p: PlanInputs) => store().plans.save({ teamId: fx.teamId, userId, month: '2026-11', ...p, ...makePlan(p), setBy: fx.boss });
    await save(fx.zhang, { deals: 5, closeRate: 0.05, carried: 0, cardRate: 0.25, days: 22 }); // 100 new A-cards, 400 new customers
    await save(null, { deals: 10, closeRate: 0.3, carried: 0, cardRate: 0.25, days: 25 }); // 34 new A-cards, 136 new customers
    const week = await composeDigest(store(), await team(), { period: periodOf('week', at('11-23T12:00:00'), ZONE), now: at('11-30T09:00:00'), lang: 'en' });
    expect(replyText(week)).toContain("📐 Plan vs actual (actual/due by the plan for the week's working days covered)");
    const [, weekVs, cards] = tables(week);
    expect(weekVs!.columns).toEqual(['Rep', 'New customers', 'New A-cards', 'Deals']);
    // Mon 23 – Sun 29: 6 of 张三's 22 planned days (400 → 109, 100 → 27, 5 → 1.4) and of the team's 25.
    // Actuals are the week's, as in the A-card table (张三 4 new, 3 new A-cards; team 5 and 3).
    expect(weekVs!.rows).toEqual([
      ['张三', '4/109', '3/27', '2/1.4'],
      ['Team', '5/33', '3/8', '2/2.4'],
    ]);
    expect(cards!.rows[0]!.slice(0, 3)).toEqual(['张三', '4', '3']);

    // The month so far (to 18:30 on the 23rd): 16 of 22 planned days are covered.
    const month = await composeDigest(store(), await team(), { period: periodOf('month', at('11-23T12:00:00'), ZONE), now: at('11-23T18:30:00'), lang: 'zh' });
    expect(replyText(month)).toContain('📐 计划对照（实际/按计划该月已过工作日应有）');
    const [activity, monthVs] = tables(month);
    // Actuals are the month's, as in the activity table (new customers, new A-cards, deals).
    const of = (name: string) => activity!.rows.find((r) => r[0] === name)!;
    expect(of('张三').slice(6, 9)).toEqual(['8', '7', '2']);
    expect(monthVs!.rows).toEqual([
      ['张三', '8/291', '7/73', '2/3.6'],
      ['团队', `${of('团队')[6]}/103`, `${of('团队')[7]}/26`, '2/7.6'], // 19 of the team plan's 25 days
    ]);
  });

  it('a long team shows the top and bottom performers with a Full table button', async () => {
    for (let i = 0; i < LONG_TEAM; i++) {
      const u = await store().users.createWithIdentity({ displayName: `rep${String(i).padStart(2, '0')}`, platform: 'console', platformUserId: `rep${i}` });
      await store().teams.setRoles(fx.teamId, u.id, ['rep']);
    }
    const now = at('11-23T18:30:00');
    const reply = await composeDigest(store(), await team(), { period: periodOf('day', now, ZONE), now, lang: 'zh' });
    const [table] = tables(reply);
    expect(table!.rows).toHaveLength(11); // 5 + 5 + team
    expect(table!.rows[0]![0]).toBe('张三');
    expect(replyText(reply)).toContain('只列出前 5 名和后 5 名（共 15 人）');
    expect(buttonsOf(reply)).toEqual([{ label: '完整表格', action: 'digest.full', value: 'day:2026-11-23' }]);
    const full = await composeDigest(store(), await team(), { period: periodOf('day', now, ZONE), now, lang: 'zh', full: true });
    expect(tables(full)[0]!.rows).toHaveLength(16);
  });

  it('is posted on schedule to the chosen chat, once per period even with two processes ticking', async () => {
    const clock = new ManualClock('2026-11-23T18:29:00+08:00');
    await store().digests.setChannel({ teamId: fx.teamId, platform: 'console', chatId: 'console:group', setBy: fx.boss, since: clock.now() });
    const inbox = () => outbox(clock);
    // A Monday: the previous week's digest has been due since 09:00; the day's not before 18:30.
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });
    expect((await inbox()).map((m) => m.text.split('\n')[0])).toEqual(['📊 一组 · 周报 · 11月16日–11月22日']);

    clock.set('2026-11-23T18:30:00+08:00');
    const [a, b] = await Promise.all([digestTick({ store: store(), clock }), digestTick({ store: store(), clock })]);
    expect(a.digests + b.digests).toBe(1);
    const [daily, ...none] = await inbox();
    expect(none).toEqual([]);
    expect(daily!.chatId).toBe('console:group');
    expect(daily!.text).toContain('📊 一组 · 日报 · 11月23日 周一');
    clock.set('2026-11-23T21:00:00+08:00');
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 0 });

    clock.set('2026-11-28T18:30:00+08:00'); // Saturday: a working day
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });
    clock.set('2026-11-29T18:30:00+08:00'); // Sunday: no daily digest
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 0 });

    clock.set('2026-11-30T09:00:00+08:00'); // Monday: last week's
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });
    expect((await inbox()).at(-1)!.text).toContain('周报 · 11月23日–11月29日');
    clock.set('2026-11-30T18:30:00+08:00');
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });

    clock.set('2026-12-01T09:05:00+08:00'); // the 1st: November's
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });
    const [, monthly] = await inbox();
    expect(monthly!.text).toContain('月报 · 2026年11月');
    expect(monthly!.text).toContain('A卡四率');
    clock.set('2026-12-01T18:30:00+08:00'); // Tuesday evening: the day's, not November's again
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });
    expect((await inbox())[0]!.text).toContain('日报 · 12月1日 周二');

    await store().digests.clearChannel(fx.teamId);
    clock.set('2026-12-02T18:30:00+08:00');
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 0 });
  });

  it('after downtime, sends the latest missed digest of each kind once, labelled late; none older than 7 days or from before the chat was chosen', async () => {
    const tick = (clock: ManualClock) => digestTick({ store: store(), clock });
    const heads = async (clock: ManualClock) => (await outbox(clock)).map((m) => m.text.split('\n').slice(0, 2).join('\n')).sort();
    // The chat was chosen on Friday at noon; no process ran from then until Monday 10:00.
    const clock = new ManualClock('2026-11-23T10:00:00+08:00');
    await store().digests.setChannel({ teamId: fx.teamId, platform: 'console', chatId: 'console:group', setBy: fx.boss, since: at('11-20T12:00:00') });
    const [a, b] = await Promise.all([tick(clock), tick(clock)]);
    expect(a.digests + b.digests).toBe(2); // Saturday's daily (not Friday's too) and last week's, due this morning
    const first = await heads(clock);
    expect(first[1]).toMatch(/^📊 一组 · 周报 · 11月16日–11月22日\n/);
    expect(first[0]).toBe('⏰ 补发：这份本应在 11月21日 周六 18:30 发出，当时机器人没有运行。\n📊 一组 · 日报 · 11月21日 周六');
    expect(await tick(clock)).toEqual({ digests: 0 });

    clock.set('2026-12-03T10:00:00+08:00'); // Thursday, down since Monday: one of each kind, all late
    expect(await tick(clock)).toEqual({ digests: 3 });
    const late = await heads(clock);
    expect(late.every((h) => h.startsWith('⏰ 补发'))).toBe(true);
    expect(late.map((h) => h.split('\n')[1]).sort()).toEqual(['📊 一组 · 周报 · 11月23日–11月29日', '📊 一组 · 日报 · 12月2日 周三', '📊 一组 · 月报 · 2026年11月']);

    clock.set('2026-12-20T10:00:00+08:00'); // Sunday, down 17 days: December 1st's monthly is too old
    expect(await tick(clock)).toEqual({ digests: 2 });
    expect((await heads(clock)).join('\n')).not.toContain('月报');

    clock.set('2026-12-22T10:00:00+08:00'); // Tuesday: a chat chosen now brings no old digest
    await store().digests.setChannel({ teamId: fx.teamId, platform: 'console', chatId: 'console:other', setBy: fx.boss, since: clock.now() });
    expect(await tick(clock)).toEqual({ digests: 0 });
  });
});
