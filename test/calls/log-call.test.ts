import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, replyText, type Reply } from '../../core/reply.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';
import { databaseKinds } from '../support/db.ts';

/** Monday 23 November 2026, 10:20 in Shanghai. */
const NOW = '2026-11-23T10:20:00+08:00';

describe.each(databaseKinds())('logging calls by chatting on %s', (kind) => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot(kind, { now: NOW });
    await bot.say('/me', { platformUserId: 'boss', userName: 'boss' }); // the admin exists; alice is a rep
  });
  afterEach(() => bot.close());

  const store = () => bot.database.store;
  const alice = async () => (await store().users.findByIdentity('console', 'alice'))!;
  const tap = (reply: Reply, action: string, from = {}) => {
    const button = buttonsOf(reply).find((b) => b.action === action);
    if (!button) throw new Error(`no ${action} button in: ${replyText(reply)}`);
    return bot.send({ text: button.label, action: { name: button.action, value: button.value }, ...from });
  };
  const customersOf = async () => store().customers.listVisible({ userId: (await alice()).id, managedTeamIds: [] });
  const openFollowUps = async () => store().followUps.listOpen({ userId: (await alice()).id, managedTeamIds: [] });

  it('turns a message into an activity, a new customer and a follow-up, confirmed with Undo and Edit', async () => {
    const [reply] = await bot.send({ text: '刚给张阿姨打了电话，13912345678，聊了8分钟，对四星卡挺感兴趣，就是嫌贵，说要跟儿子商量商量，后天下午再打' });
    const text = replyText(reply!);
    expect(text).toContain('已记录通话');
    expect(text).toContain('张阿姨');
    expect(text).toContain('13912345678'); // the owner, in a private chat
    expect(text).toContain('新客户');
    expect(text).toContain('已接通');
    expect(text).toContain('8分钟');
    expect(text).toContain('四星卡');
    expect(text).toContain('价格');
    expect(text).toContain('要商量');
    expect(text).toContain('下次跟进：11月25日 周三 14:00');
    expect(buttonsOf(reply!).map((b) => b.action)).toEqual(['call.undo', 'call.edit']);

    const [customer] = await customersOf();
    // "挺感兴趣" is high intent: an A-card.
    expect(customer).toMatchObject({ name: '张阿姨', phone: '13912345678', ownerId: (await alice()).id, grade: 'A', stage: 'intent' });
    const [activity] = await store().activities.listForCustomer(customer!.id);
    expect(activity).toMatchObject({ kind: 'call', result: 'connected', durationMin: 8, products: ['四星卡'], rawText: expect.stringContaining('张阿姨') });
    expect(activity!.objections.sort()).toEqual(['consult_others', 'price']);
    const [followUp] = await openFollowUps();
    expect(followUp?.dueAt.toISOString()).toBe(new Date('2026-11-25T14:00:00+08:00').toISOString());
    expect(followUp?.activityId).toBe(activity!.id);
  });

  it('matches the customer by phone next time and settles the follow-up that was open', async () => {
    await bot.say('王先生13912345678没人接，明天上午再试一次');
    const [first] = await openFollowUps();
    expect(first?.dueAt.toISOString()).toBe(new Date('2026-11-24T10:00:00+08:00').toISOString());
    bot.clock.set('2026-11-24T10:05:00+08:00');
    const text = await bot.say('13912345678 接通了，聊了5分钟，很有兴趣，下周二下午三点再打');
    expect(text).not.toContain('新客户');
    const customers = await customersOf();
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ grade: 'A', stage: 'intent' });
    expect((await store().followUps.get(first!.id))?.status).toBe('done');
    const open = await openFollowUps();
    expect(open.map((f) => f.dueAt.toISOString())).toEqual([new Date('2026-12-01T15:00:00+08:00').toISOString()]);
  });

  it('matches by name and company among the rep’s own customers, and asks when several fit', async () => {
    await bot.say('华通物流的张总没接，明天再打');
    await bot.say('鑫源餐饮的张总没接，明天再打');
    expect(await customersOf()).toHaveLength(2);
    await bot.say('华通物流的张总接了，聊了3分钟');
    expect(await customersOf()).toHaveLength(2);

    const [reply] = await bot.send({ text: '张总接了，聊了10分钟，有兴趣' });
    const text = replyText(reply!);
    expect(text).toContain('有多位客户叫「张总」');
    const picks = buttonsOf(reply!).filter((b) => b.action === 'call.pick');
    expect(picks.map((b) => b.label).join(' ')).toMatch(/改为 张总（(华通物流|鑫源餐饮)）/);
    expect(picks.at(-1)?.label).toBe('是新客户');
    const [moved] = await bot.send({ text: picks[0]!.label, action: { name: 'call.pick', value: picks[0]!.value } });
    expect(replyText(moved!)).toContain('已修改通话');
    // Still two customers; the log now sits on the other one.
    expect(await customersOf()).toHaveLength(2);
    const [asNew] = await bot.send({ text: 'new', action: { name: 'call.pick', value: picks.at(-1)!.value!.replace(/:.*/, '') + ':new' } });
    expect(replyText(asNew!)).toBeTruthy();
  });

  it('never attaches a log to another rep’s customer', async () => {
    await bot.say('张总13812345678没接，明天再打', { platformUserId: 'bob', userName: 'bob' });
    await bot.say('张总13812345678没接，明天再打');
    const all = await store().customers.listVisible({ userId: -1, managedTeamIds: [(await store().teams.getDefault())!.id] });
    expect(all).toHaveLength(2);
    expect(new Set(all.map((c) => c.ownerId)).size).toBe(2);
  });

  it('undoes the activity and everything it changed', async () => {
    await bot.say('李姐13700001111没接，明天上午再打');
    const [before] = await customersOf();
    const [firstFollowUp] = await openFollowUps();
    bot.clock.set('2026-11-24T11:00:00+08:00');
    const [reply] = await bot.send({ text: '李姐13700001111接通了，聊了20分钟，定了四星卡 3680，下个月5号回访' });
    expect((await customersOf())[0]).toMatchObject({ stage: 'won', grade: null });
    expect((await store().followUps.get(firstFollowUp!.id))?.status).toBe('done');

    const [undone] = await tap(reply!, 'call.undo');
    expect(replyText(undone!)).toContain('已撤销');
    const [after] = await customersOf();
    expect(after).toMatchObject({ id: before!.id, stage: before!.stage, wonAt: null, lastContactAt: before!.lastContactAt });
    expect((await store().followUps.get(firstFollowUp!.id))?.status).toBe('pending');
    expect((await openFollowUps()).map((f) => f.id)).toEqual([firstFollowUp!.id]);
    expect(await store().activities.countForCustomer(before!.id)).toBe(1);

    const [again] = await tap(reply!, 'call.undo');
    expect(replyText(again!)).toContain('已经撤销');
  });

  it('removes a customer the undone log created', async () => {
    const [reply] = await bot.send({ text: '赵先生 13651234870 空号' });
    expect(await customersOf()).toHaveLength(1);
    await tap(reply!, 'call.undo');
    expect(await customersOf()).toHaveLength(0);
  });

  it('lets only the author undo or edit', async () => {
    const [reply] = await bot.send({ text: '孙大爷没接，明天再打' });
    const [other] = await tap(reply!, 'call.undo', { platformUserId: 'bob', userName: 'bob', chatId: 'console:bob' });
    expect(replyText(other!)).toContain('只能撤销或修改自己');
    expect(await customersOf()).toHaveLength(1);
  });

  it('takes corrections in words after Edit', async () => {
    const [reply] = await bot.send({ text: '张阿姨13912345678聊了8分钟，有兴趣，明天下午再打' });
    const [ask] = await tap(reply!, 'call.edit');
    expect(replyText(ask!)).toContain('要改什么');
    const fixed = await bot.say('时间改成周四下午');
    expect(fixed).toContain('已修改通话');
    expect(fixed).toContain('11月26日 周四 14:00');
    const open = await openFollowUps();
    expect(open.map((f) => f.dueAt.toISOString())).toEqual([new Date('2026-11-26T14:00:00+08:00').toISOString()]);

    const [again] = await bot.send({ text: '王总没接，明天再打' });
    await tap(again!, 'call.edit');
    expect(await bot.say('不是王总，是李总')).toContain('李总');
    const names = (await customersOf()).map((c) => c.name).sort();
    expect(names).toEqual(['张阿姨', '李总']);
  });

  it('keeps waiting when the correction is not understood', async () => {
    const [reply] = await bot.send({ text: '王总没接，明天再打' });
    await tap(reply!, 'call.edit');
    expect(await bot.say('嗯嗯')).toContain('没看懂');
    expect(await bot.say('时间改成周五上午')).toContain('11月27日 周五 10:00');
  });

  it('records a won deal with its amount and a referral source', async () => {
    await bot.say('成交了！李姐在电话里定了一张四星卡 3680，分3期，聊了25分钟。她是王阿姨介绍过来的');
    const [customer] = await customersOf();
    expect(customer).toMatchObject({ name: '李姐', stage: 'won', source: 'referral', referredBy: '王阿姨' });
    expect(customer!.wonAt).not.toBeNull();
    expect(customer!.intentAt).not.toBeNull();
    const [activity] = await store().activities.listForCustomer(customer!.id);
    expect(activity).toMatchObject({ stage: 'won', amount: 3680, referral: true });
  });

  it('honours do-not-call: marks the customer, cancels pending follow-ups, schedules none', async () => {
    await bot.say('周阿姨13811112222没接，明天再打');
    expect(await openFollowUps()).toHaveLength(1);
    const text = await bot.say('周阿姨13811112222说别再给她打电话了，明天也不用打');
    expect(text).toContain('勿扰');
    const [customer] = await customersOf();
    expect(customer?.doNotCall).toBe(true);
    expect(await openFollowUps()).toHaveLength(0);
  });

  it('knows a product two of the team’s logs named, even where nothing marks it as one', async () => {
    await bot.say('周姐对家电全保挺感兴趣，B类，周五再打');
    const wuProducts = async () => {
      const wu = (await customersOf()).find((c) => c.name === '吴先生')!;
      return (await store().activities.listForCustomer(wu.id))[0]!.products;
    };
    const [first] = await bot.send({ text: '吴先生 家电全保意向还行，下周一回访' });
    expect(await wuProducts()).toEqual([]); // one log is not enough: it could be a mis-reading
    await tap(first!, 'call.undo');
    await bot.say('孙总签了家电全保，1980元');
    await bot.say('吴先生 家电全保意向还行，下周一回访');
    expect(await wuProducts()).toEqual(['家电全保']);
    const team = (await customersOf())[0]!.teamId;
    expect(await store().activities.recentProductCounts(team, 100)).toEqual([{ name: '家电全保', logs: 3 }]);
    expect(await store().activities.recentProductCounts(team + 1000, 100)).toEqual([]); // another team's
  });

  it('logs a retried delivery once', async () => {
    const msg = { text: '刘经理没接，明天再打', deliveryId: 'update-77' };
    const first = await bot.send(msg);
    const retry = await bot.send(msg);
    expect(first).toHaveLength(1);
    expect(retry).toEqual([]);
    const [customer] = await customersOf();
    expect(await store().activities.countForCustomer(customer!.id)).toBe(1);
  });

  it('answers over-long logs kindly without saving them', async () => {
    const text = await bot.say(`张总打了电话，${'聊了很多'.repeat(3000)}`);
    expect(text).toContain('太长');
    expect(await customersOf()).toHaveLength(0);
  });

  it('shows timelines, open follow-ups and today’s list within the viewer’s scope', async () => {
    await bot.say('华通物流的张总13812345678，聊了8分钟，有兴趣，今天下午三点再打');
    await bot.say('李姐没接，后天再打');
    bot.clock.set('2026-11-23T16:00:00+08:00');

    const timeline = await bot.say('/customer 张总');
    expect(timeline).toContain('张总（华通物流，13812345678）');
    expect(timeline).toContain('下次跟进：11月23日 周一 15:00');
    expect(timeline).toContain('已接通 · 8分钟');

    const today = await bot.say('/today');
    expect(today).toContain('今天要跟进（1');
    expect(today).toContain('张总');
    expect(today).toContain('逾期');
    expect(today).not.toContain('李姐');

    const all = await bot.say('/followups');
    expect(all).toContain('待跟进（2）');

    expect(await bot.say('/customer 张总', { platformUserId: 'bob', userName: 'bob', chatId: 'console:bob' })).toContain('没有找到');
    const boss = await bot.say('/customer 张总', { platformUserId: 'boss', userName: 'boss', chatId: 'console:boss' });
    expect(boss).toContain('138****5678');
    expect(boss).not.toContain('13812345678');
    expect(await bot.say('/customer')).toContain('要查哪位客户');
  });
});
