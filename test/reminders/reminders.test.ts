import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, replyText } from '../../core/reply.ts';
import { databaseKinds } from '../support/db.ts';
import { reminderBot, texts, type ReminderBot } from './support.ts';

/** Monday 23 November 2026, 10:20 in Shanghai. */
const MON = '2026-11-23T10:20:00+08:00';
const at = (local: string) => `2026-${local}+08:00`;
const iso = (local: string) => new Date(at(local)).toISOString();

describe.each(databaseKinds())('follow-up reminders on %s', (kind) => {
  let bot: ReminderBot;
  beforeEach(async () => {
    bot = await reminderBot(kind, MON);
  });
  afterEach(() => bot.close());
  const store = () => bot.database.store;

  /** Alice logs a call: 张阿姨, grade A, objections price + consult, 四星卡, follow-up Wed 25th 14:00. */
  async function logZhang() {
    await bot.say('刚给张阿姨打了电话，13912345678，聊了8分钟，对四星卡挺感兴趣，就是嫌贵，说要跟儿子商量商量，后天下午再打');
    const [fu] = await store().followUps.listOpen({ userId: await bot.aliceId(), managedTeamIds: [] });
    expect(fu!.dueAt.toISOString()).toBe(iso('11-25T14:00:00'));
    return fu!;
  }

  it('reminds the rep once at the due time, with the customer context and five buttons', async () => {
    await logZhang();
    bot.clock.set(at('11-25T13:59:00'));
    await bot.tick();
    expect(await bot.reminders()).toEqual([]);

    bot.clock.set(at('11-25T14:00:10'));
    expect((await bot.tick()).reminders).toBe(1);
    const [reminder, ...more] = await bot.inbox();
    expect(more).toEqual([]);
    const text = replyText(reminder!);
    expect(text).toContain('⏰ 跟进提醒 · 11月25日 周三 14:00');
    expect(text).not.toContain('晚了');
    expect(text).toContain('张阿姨（139****5678）');
    expect(text).not.toContain('13912345678'); // masked, also inside the last activity's words
    expect(text).toContain('等级 A');
    expect(text).toMatch(/上次：11\/23 10:20 · 通话 · 已接通 · 8分钟 · A · “刚给张阿姨打了电话，139\*\*\*\*5678/);
    expect(text).toMatch(/异议：(价格、要商量|要商量、价格)/);
    expect(text).toContain('产品：四星卡');
    expect(buttonsOf(reminder!).map((b) => b.action)).toEqual(['fu.done', 'fu.snooze', 'fu.tomorrow', 'fu.resched', 'script.customer']);
    expect(buttonsOf(reminder!).every((b) => Buffer.byteLength(`${b.action}:${b.value}`) <= 64)).toBe(true);

    bot.clock.advance(60 * 60_000);
    await bot.tick();
    expect(await bot.inbox()).toEqual([]); // never twice
  });

  it('speaks English to an English-speaking rep', async () => {
    await bot.say('Spoke to Mrs Patel 13912345678 for 12 min, very interested in the annual plan, call again Wednesday 3pm');
    bot.clock.set(at('11-25T15:00:00'));
    await bot.tick();
    const [reminder] = await bot.inbox();
    expect(replyText(reminder!)).toContain('⏰ Follow-up reminder · Wed 25 Nov 15:00');
    expect(replyText(reminder!)).toContain('Mrs Patel (139****5678)');
    expect(buttonsOf(reminder!).map((b) => b.label)).toEqual(['✅ Done', 'Snooze 1h', 'Tomorrow', 'Reschedule', '📝 Script']);
  });

  it('Snooze 1h reminds again an hour later', async () => {
    const fu = await logZhang();
    bot.clock.set(at('11-25T14:00:00'));
    await bot.tick();
    const [reminder] = await bot.inbox();
    bot.clock.set(at('11-25T14:03:00'));
    expect(texts(await bot.tap(reminder!, 'fu.snooze'))[0]).toContain('11月25日 周三 15:03 再提醒你');
    expect(await store().followUps.get(fu.id)).toMatchObject({ status: 'snoozed', notifiedAt: null });

    bot.clock.set(at('11-25T15:02:00'));
    await bot.tick();
    expect(await bot.inbox()).toEqual([]);
    bot.clock.set(at('11-25T15:03:00'));
    await bot.tick();
    expect(texts(await bot.inbox())[0]).toContain('张阿姨');
  });

  it('Tomorrow moves to the next working day at the default hour (Saturday → Monday)', async () => {
    const fu = await bot.followUp(at('11-28T11:00:00')); // Saturday
    bot.clock.set(at('11-28T11:00:00'));
    await bot.tick();
    const [reminder] = await bot.inbox();
    expect(texts(await bot.tap(reminder!, 'fu.tomorrow'))[0]).toContain('已改到 11月30日 周一 10:00');
    expect((await store().followUps.get(fu.id))!.dueAt.toISOString()).toBe(iso('11-30T10:00:00'));

    // The team changes its default hour: Tomorrow follows it.
    const team = (await store().teams.getDefault())!;
    await store().reminders.setTeamSettings(team.id, { defaultHour: 14 });
    bot.clock.set(at('11-30T10:00:00'));
    await bot.tick();
    const [again] = await bot.inbox();
    expect(texts(await bot.tap(again!, 'fu.tomorrow'))[0]).toContain('12月1日 周二 14:00');
  });

  it('Reschedule takes a time in words and reminds then', async () => {
    const fu = await logZhang();
    bot.clock.set(at('11-25T14:00:00'));
    await bot.tick();
    const [reminder] = await bot.inbox();
    expect(texts(await bot.tap(reminder!, 'fu.resched'))[0]).toContain('什么时候再打');
    expect(await bot.say('嗯')).toContain('没看懂时间');
    expect(await bot.say('周五下午三点')).toContain('已改到 11月27日 周五 15:00');
    expect((await store().followUps.get(fu.id))!.dueAt.toISOString()).toBe(iso('11-27T15:00:00'));

    bot.clock.set(at('11-27T14:59:00'));
    await bot.tick();
    expect(await bot.reminders()).toEqual([]);
    bot.clock.set(at('11-27T15:00:00'));
    await bot.tick();
    expect(texts(await bot.inbox())[0]).toContain('11月27日 周五 15:00');
  });

  it('Done closes the follow-up and logs the next message as the outcome for that customer', async () => {
    const fu = await logZhang();
    bot.clock.set(at('11-25T14:00:00'));
    await bot.tick();
    const [reminder] = await bot.inbox();
    bot.clock.set(at('11-25T14:20:00'));
    expect(texts(await bot.tap(reminder!, 'fu.done'))[0]).toContain('张阿姨（139****5678） 这条已完成');
    expect((await store().followUps.get(fu.id))!.status).toBe('done');

    const confirmation = await bot.say('聊了5分钟，还在考虑，下周一上午再打');
    expect(confirmation).toContain('已记录通话 · 张阿姨');
    expect(confirmation).not.toContain('新客户');
    expect(confirmation).toContain('下次跟进：11月30日 周一');
    const [customer] = await store().customers.listVisible({ userId: await bot.aliceId(), managedTeamIds: [] });
    expect(await store().activities.countForCustomer(customer!.id)).toBe(2);
  });

  it('only the rep who owns a follow-up can act on it, and a closed one says so', async () => {
    await logZhang();
    bot.clock.set(at('11-25T14:00:00'));
    await bot.tick();
    const [reminder] = await bot.inbox();
    expect(texts(await bot.tap(reminder!, 'fu.snooze', 'boss'))[0]).toContain('只能处理自己的跟进');
    await bot.tap(reminder!, 'fu.done');
    expect(texts(await bot.tap(reminder!, 'fu.snooze'))[0]).toContain('已经完成、取消或不存在');
  });

  it('sends nothing outside working hours: it waits for the next window and says how late', async () => {
    await bot.followUp(at('11-25T21:00:00'), { name: '晚上的' }); // Wednesday after 20:00
    await bot.followUp(at('11-29T10:00:00'), { name: '周日的' }); // Sunday
    bot.clock.set(at('11-25T21:00:00'));
    await bot.tick();
    bot.clock.set(at('11-26T08:59:00'));
    await bot.tick();
    expect(await bot.inbox()).toEqual([]);
    bot.clock.set(at('11-26T09:00:00'));
    await bot.tick();
    const [late] = texts(await bot.inbox()).filter((t) => t.includes('跟进提醒'));
    expect(late).toContain('晚上的');
    expect(late).toContain('（晚了 12小时）');

    bot.clock.set(at('11-29T10:00:00'));
    await bot.tick();
    expect(await bot.inbox()).toEqual([]);
    bot.clock.set(at('11-30T09:00:00'));
    await bot.tick();
    expect(texts(await bot.inbox()).filter((t) => t.includes('跟进提醒')).join()).toContain('周日的');
  });

  it('follows the team settings and the rep’s own zone (/tz)', async () => {
    const team = (await store().teams.getDefault())!;
    await store().reminders.setTeamSettings(team.id, { workingDays: [1, 2, 3, 4, 5], start: '10:00', end: '18:00', agendaAt: 'bad' });
    await bot.followUp(at('11-28T12:00:00'), { name: '周六的' });
    bot.clock.set(at('11-28T12:00:00'));
    await bot.tick();
    bot.clock.set(at('11-30T09:30:00'));
    await bot.tick();
    expect(await bot.inbox()).toEqual([]);
    bot.clock.set(at('11-30T10:00:00'));
    await bot.tick();
    expect(texts(await bot.inbox()).join()).toContain('周六的');

    expect(await bot.say('/tz europe/london')).toContain('Europe/London');
    expect((await store().users.get(await bot.aliceId()))!.timezone).toBe('Europe/London');
    expect(await bot.say('/tz Mars/Base')).toContain('不认识时区');
    // 17:30 in Shanghai is 09:30 in London: before Alice's 10:00 start.
    await bot.followUp('2026-12-01T09:30:00Z', { name: '伦敦的' });
    bot.clock.set('2026-12-01T09:30:00Z');
    await bot.tick();
    expect(await bot.inbox()).toEqual([]);
    bot.clock.set('2026-12-01T10:00:00Z'); // 18:00 in Shanghai, 10:00 in London
    await bot.tick();
    const reminder = texts(await bot.inbox()).find((t) => t.includes('伦敦的'));
    expect(reminder).toContain('12月1日 周二 09:30'); // shown in her zone
    expect(await bot.say('/tz team')).toContain('Asia/Shanghai');
  });

  it('schedules follow-ups by grade cadence, once, and none for do-not-call or lost customers', async () => {
    const team = (await store().teams.getDefault())!;
    const owner = await bot.aliceId();
    const make = (name: string, grade: 'A' | 'B' | 'C' | null, extra = {}) =>
      store().customers.create({ teamId: team.id, ownerId: owner, name, grade, lastContactAt: new Date(at('11-23T10:20:00')), ...extra });
    const a = await make('A客户', 'A');
    const b = await make('B客户', 'B');
    const c = await make('C客户', 'C');
    await make('没等级', null);
    await make('勿扰', 'A', { doNotCall: true });
    await make('流失', 'A', { stage: 'lost' });
    const withFollowUp = await make('已有跟进', 'A');
    await store().followUps.create({ teamId: team.id, customerId: withFollowUp.id, repId: owner, dueAt: new Date(at('11-24T10:00:00')) });

    expect((await bot.tick()).cadence).toBe(3);
    expect((await bot.tick()).cadence).toBe(0);
    const due = async (id: number) => (await store().followUps.pendingForCustomer(id)).map((f) => f.dueAt.toISOString());
    expect(await due(a.id)).toEqual([iso('11-30T10:00:00')]); // +7 days, at the default hour
    expect(await due(b.id)).toEqual([iso('12-07T10:00:00')]); // +14
    // +30 = Wednesday 23 December.
    expect(await due(c.id)).toEqual([iso('12-23T10:00:00')]);

    // Configurable per team, and moved into working hours: A every 6 days → Sunday → Monday 09:00.
    await store().reminders.setTeamSettings(team.id, { cadenceDays: { A: 6 }, defaultHour: 8 });
    const a2 = await make('A2', 'A');
    await bot.tick();
    expect(await due(a2.id)).toEqual([iso('11-30T09:00:00')]);

    // A call log that leaves a graded customer without a follow-up: cadence fills the gap.
    await bot.say('刚给王总13700001111打了电话，有兴趣，先发资料');
    const wang = (await store().customers.search({ userId: owner, managedTeamIds: [] }, '王总'))[0]!;
    expect(await due(wang.id)).toEqual([]);
    await bot.tick();
    expect((await due(wang.id)).length).toBe(1);
  });

  it('never reminds about do-not-call or lost customers', async () => {
    const dnc = await bot.followUp(at('11-24T10:00:00'), { name: '勿扰客户' });
    const lost = await bot.followUp(at('11-24T10:00:00'), { name: '流失客户' });
    await store().customers.update(dnc.customerId, { doNotCall: true });
    await store().customers.update(lost.customerId, { stage: 'lost' });
    bot.clock.set(at('11-24T10:00:00'));
    await bot.tick();
    bot.clock.set(at('11-24T17:30:00'));
    await bot.tick(); // the nudge would list them too
    expect(await bot.inbox()).toEqual([]);

    // Saying so in a call log cancels the follow-up (calls feature) and no reminder follows.
    await bot.say('刚给张阿姨打了电话，13912345678，有兴趣，后天下午再打');
    await bot.say('张阿姨13912345678说别再给她打电话了');
    bot.clock.set(at('11-26T14:00:00'));
    await bot.tick();
    expect(texts(await bot.inbox()).filter((t) => t.includes('张阿姨'))).toEqual([]);
  });

  it('changing or cancelling a follow-up changes or cancels its reminder', async () => {
    const [confirmation] = await bot.send({ text: '刚给张阿姨打了电话，13912345678，有兴趣，后天下午再打' });
    await bot.tap(confirmation!, 'call.edit');
    expect(await bot.say('时间改成周四下午三点')).toContain('11月26日 周四 15:00');
    bot.clock.set(at('11-25T14:00:00'));
    await bot.tick();
    expect(texts(await bot.inbox()).filter((t) => t.includes('跟进提醒'))).toEqual([]);
    bot.clock.set(at('11-26T15:00:00'));
    await bot.tick();
    expect(texts(await bot.inbox()).filter((t) => t.includes('跟进提醒')).length).toBe(1);

    const cancelled = await bot.followUp(at('11-27T10:00:00'), { name: '取消的' });
    await store().followUps.setStatus([cancelled.id], 'cancelled');
    bot.clock.set(at('11-27T10:00:00'));
    await bot.tick();
    expect(texts(await bot.inbox()).join()).not.toContain('取消的');
  });

  it('catches up after downtime: each missed reminder once, saying how late', async () => {
    for (const h of ['10', '11', '12']) await bot.followUp(at(`11-24T${h}:00:00`), { name: `客户${h}` });
    bot.clock.set(at('11-24T15:30:00')); // the bot was down from 09:55 to 15:30
    const [first, second] = await Promise.all([bot.tick(), bot.tick()]);
    expect(first.reminders + second.reminders).toBe(3);
    const got = texts(await bot.inbox()).filter((t) => t.includes('跟进提醒'));
    expect(got).toHaveLength(3);
    expect(got.find((t) => t.includes('客户10'))).toContain('（晚了 5小时30分钟）');
    expect(got.find((t) => t.includes('客户12'))).toContain('（晚了 3小时30分钟）');
    await bot.tick();
    expect(await bot.inbox()).toEqual([]);
  });

  it('morning agenda (overdue first, then by grade) and end-of-day nudge, once a day each', async () => {
    await bot.followUp(at('11-24T16:00:00'), { name: 'C客户', grade: 'C' });
    await bot.followUp(at('11-24T11:00:00'), { name: 'A客户', grade: 'A' });
    await bot.followUp(at('11-23T15:00:00'), { name: '昨天的', grade: 'B' });
    await bot.followUp(at('11-25T10:00:00'), { name: '明天的', grade: 'A' });
    bot.clock.set(at('11-24T08:59:00'));
    await bot.tick();
    expect(await bot.inbox()).toEqual([]); // before working hours: even the overdue one waits

    bot.clock.set(at('11-24T09:00:00'));
    const report = await bot.tick();
    expect(report.agendas).toBe(1);
    const inbox = texts(await bot.inbox());
    const agenda = inbox.find((t) => t.includes('早上好'))!;
    expect(agenda).toContain('今天要跟进 3 位客户（逾期 1）');
    const order = ['昨天的', 'A客户', 'C客户'].map((n) => agenda.indexOf(n));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(agenda).not.toContain('明天的');
    expect(inbox.filter((t) => t.includes('跟进提醒')).join()).toContain('昨天的'); // the overdue reminder itself

    bot.clock.set(at('11-24T12:00:00'));
    await bot.tick();
    expect(texts(await bot.inbox()).some((t) => t.includes('早上好'))).toBe(false);

    bot.clock.set(at('11-24T17:30:00'));
    expect((await bot.tick()).nudges).toBe(1);
    const nudge = texts(await bot.inbox()).find((t) => t.includes('下班前'))!;
    expect(nudge).toContain('还有 3 个跟进没完成');
    bot.clock.set(at('11-24T18:00:00'));
    expect((await bot.tick()).nudges).toBe(0);

    // A rep with nothing due gets no agenda; boss has no follow-ups at all.
    expect(await bot.inbox('boss')).toEqual([]);
  });

  it('escalates follow-ups overdue by more than 2 working days to the managers, once a day', async () => {
    await bot.followUp(at('11-23T11:00:00'), { name: '拖着的', phone: '13800001111' }); // Monday
    // Wednesday 09:00: two working days later (cutoff Monday 09:00): not yet.
    bot.clock.set(at('11-25T09:00:00'));
    expect((await bot.tick()).escalations).toBe(0);
    // Thursday 09:00: cutoff Tuesday 09:00.
    bot.clock.set(at('11-26T09:00:00'));
    expect((await bot.tick()).escalations).toBe(1);
    const [list] = texts(await bot.inbox('boss'));
    expect(list).toContain('逾期超过 2 个工作日的跟进（1）');
    expect(list).toContain('alice');
    expect(list).toContain('拖着的（138****1111）');
    bot.clock.set(at('11-26T15:00:00'));
    expect((await bot.tick()).escalations).toBe(0);
    // Sunday is not a working day; Monday it is listed again.
    bot.clock.set(at('11-29T10:00:00'));
    expect((await bot.tick()).escalations).toBe(0);
    bot.clock.set(at('11-30T09:00:00'));
    expect((await bot.tick()).escalations).toBe(1);

    // Configurable: 5 working days.
    const team = (await store().teams.getDefault())!;
    await store().reminders.setTeamSettings(team.id, { escalateAfterWorkingDays: 7 });
    bot.clock.set(at('12-01T09:00:00'));
    expect((await bot.tick()).escalations).toBe(0);
  });
});
