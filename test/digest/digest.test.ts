import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.ts';
import { composeDigest, LONG_TEAM } from '../../core/digest/compose.ts';
import { periodOf } from '../../core/digest/period.ts';
import { digestTick } from '../../core/digest/tick.ts';
import type { Reply } from '../../core/reply.ts';
import { buttonsOf, replyText } from '../../core/reply.ts';
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
    await store().digests.setChannel({ teamId: fx.teamId, platform: 'console', chatId: 'console:group', setBy: fx.boss });
    const clock = new ManualClock('2026-11-23T18:29:00+08:00');
    const inbox = async () => {
      const messages = await store().outbox.claimDue('console', clock.now(), new Date(clock.now().getTime() + 60_000), 50);
      for (const m of messages) await store().outbox.markSent(m.id, clock.now());
      return messages.map((m) => ({ chatId: m.chatId, text: m.replies.map(replyText).join('\n') }));
    };
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

    clock.set('2026-11-29T18:30:00+08:00'); // Sunday: no daily digest
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 0 });

    clock.set('2026-11-30T09:00:00+08:00'); // Monday: last week's
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });
    expect((await inbox())[0]!.text).toContain('周报 · 11月23日–11月29日');

    clock.set('2026-12-01T09:05:00+08:00'); // the 1st: November's
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });
    const [monthly] = await inbox();
    expect(monthly!.text).toContain('月报 · 2026年11月');
    expect(monthly!.text).toContain('A卡四率');
    clock.set('2026-12-01T18:30:00+08:00'); // Tuesday evening: the day's, not November's again
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 1 });
    expect((await inbox())[0]!.text).toContain('日报 · 12月1日 周二');

    await store().digests.clearChannel(fx.teamId);
    clock.set('2026-12-02T18:30:00+08:00');
    expect(await digestTick({ store: store(), clock })).toEqual({ digests: 0 });
  });
});
