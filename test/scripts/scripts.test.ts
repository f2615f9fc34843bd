import { afterEach, describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../bot/console/render.ts';
import { renderMessages, SECTION_TEXT_MAX } from '../../bot/slack/blocks.ts';
import { encodeCallbackData } from '../../bot/telegram/callback-data.ts';
import { renderReplies } from '../../bot/telegram/html.ts';
import { splitHtml, TELEGRAM_MESSAGE_LIMIT } from '../../bot/telegram/split.ts';
import { tick } from '../../core/reminders/tick.ts';
import { buttonsOf, type Reply, replyText } from '../../core/reply.ts';
import { parseScriptArgs } from '../../core/scripts/target.ts';
import { databaseKinds } from '../support/db.ts';
import { alice, bob, boss, DEV_KB, scriptBot, type ScriptBot } from './support.ts';

const ZHANG_LOG = '刚给张阿姨打了电话，13912345678，聊了8分钟，对四星卡挺感兴趣，就是嫌贵，说要跟儿子商量商量，后天下午再打';

describe('reading /script arguments', () => {
  it.each([
    ['张总', { query: '张总', goal: null, firstCall: false }],
    ['四星卡 首次电话', { query: '四星卡', goal: 'appointment', firstCall: true }],
    ['四星卡 试用', { query: '四星卡', goal: 'trial', firstCall: false }],
    ['张阿姨 定金', { query: '张阿姨', goal: 'deposit', firstCall: false }],
    ['王总 续费', { query: '王总', goal: 'renewal', firstCall: false }],
    ['Mrs Patel first call', { query: 'Mrs Patel', goal: 'appointment', firstCall: true }],
    ['标准版，预约', { query: '标准版', goal: 'appointment', firstCall: false }],
  ])('%s', (args, expected) => {
    expect(parseScriptArgs(args)).toEqual(expected);
  });
});

describe.each(databaseKinds())('call scripts on %s', (kind) => {
  let bot: ScriptBot;
  afterEach(() => bot.close());

  /** Every text block after the header: one per section, each a heading, lines and (mostly) a citation. */
  const sections = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).slice(1);

  it("a customer with a price objection gets the knowledge base's price-objection response, cited, with the recording notice", async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    await bot.say(ZHANG_LOG);
    const [reply] = await bot.send('/script 张阿姨');
    const text = replyText(reply!);
    expect(text).toContain('📝 通话话术 · 张阿姨（13912345678） · 意向(A卡) · 等级 A');
    expect(text).toContain('目标：收定金/付款'); // an A-card customer: the default goal is the deposit
    expect(text).toMatch(/异议：(价格、要商量|要商量、价格)/);
    // Opening: who we are, the recording notice the policy requires, why we call, permission.
    const [opening, discovery, value, objections, close] = sections(reply!);
    expect(opening).toContain('“您好，请问是张阿姨吗？我们是云帆健康的alice。本次通话可能会被录音。上次您跟我们聊到四星卡');
    expect(opening).toContain('耽误您两分钟可以吗？');
    expect(opening).toContain('《Call recording and quality checks》');
    expect(discovery).toMatch(/2️⃣ 了解需求[\s\S]*“现在多久做一次体检？上一次是什么时候？”[\s\S]*—— 出自《怎样挖掘客户需求》/);
    expect(value).toContain('客户关心：四星卡、价格、要商量');
    expect(value).toContain('四星卡年费¥3,680');
    expect(value).toContain('《四星卡（¥3,680/年，团队主推档）》');
    // The objections this customer raised, first, each with the knowledge base's response.
    expect(objections).toMatch(/^4️⃣ 可能的异议\n「价格」（这位客户提过）/);
    expect(objections).toContain('认同："一年几千块确实不是小数目，您谨慎是对的。"');
    expect(objections).toContain('拆成每天：四星卡每天约10元');
    expect(objections).toContain('「要商量」（这位客户提过）');
    expect(objections).toContain('《客户嫌会员卡太贵》');
    expect(close).toMatch(/^5️⃣ 促成下一步\n[\s\S]*—— 出自《/);
    expect(text).toContain('📌 提醒');
    // Every section that quotes the knowledge base cites it.
    for (const s of sections(reply!)) expect(s).toMatch(/—— 出自《[^》]+》/);
    expect(buttonsOf(reply!).map((b) => b.action)).toEqual(['script.short', 'script.goal', 'script.goal', 'script.goal']);
  });

  it('uses the demo knowledge base the same way: its price-objection response and its trial offer', async () => {
    bot = await scriptBot(kind);
    await bot.say('刚给华通物流的张总打了电话，13812345678，聊了8分钟，对标准版挺感兴趣，就是嫌贵，下周二下午再打');
    const text = await bot.say('/script 张总 试用');
    expect(text).toContain('目标：开通试用');
    expect(text).toContain('认同："一年两千多确实要算一算，您谨慎是对的。"');
    expect(text).toContain('“我们不急着让您定，先用15天，用您自己的账看看能省多少时间，觉得值再说。”');
    expect(text).toContain('《客户嫌软件太贵》');
    expect(text).toContain('我们是青禾云账的alice。本次通话可能会被录音。');
    expect(text).toContain('《Call recording notice》');
    expect(text).toMatch(/5️⃣ 促成下一步\n“[^”]*试用[^”]*”/);
  });

  it('writes a script for a product and a goal for a new hire', async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    const [reply] = await bot.send('/script 四星卡 首次电话');
    const text = replyText(reply!);
    expect(text).toMatch(/^📝 通话话术 · 四星卡\n目标：约好下次通话或见面/);
    expect(text).toContain('“您好，请问是〔客户称呼〕吗？我们是云帆健康的alice。本次通话可能会被录音。今天打来想跟您简单介绍一下四星卡，耽误您两分钟可以吗？”');
    expect(text).toContain('《四星卡（¥3,680/年，团队主推档）》');
    expect(text).toContain('「客户嫌会员卡太贵」'); // the common objection for this product
    expect(text).toContain('一年几千块确实不是小数目');

    const trial = await bot.say('/script 四星卡 试用');
    expect(trial).toContain('目标：开通试用');
    expect(trial).toMatch(/5️⃣ 促成下一步[\s\S]*7天免费体验/);
  });

  it('gives a do-not-call customer no script, only a notice', async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    await bot.customer('刘总', { doNotCall: true, phone: '13700001111' });
    const [reply] = await bot.send('/script 刘总');
    const text = replyText(reply!);
    expect(text).toContain('⛔ 刘总（13700001111） 已标记勿扰，不能再打电话，所以不生成话术');
    expect(text).toContain('《客户要求不再来电（勿扰名单）》');
    expect(text).not.toContain('开场');
    expect(buttonsOf(reply!)).toEqual([]);
  });

  it('says so when nothing matches and offers the closest customers and products as buttons', async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    await bot.say(ZHANG_LOG);
    const [reply] = await bot.send('/script 张阿姨妈');
    expect(replyText(reply!)).toContain('没有找到「张阿姨妈」这位客户或这个产品');
    expect(replyText(reply!)).toContain('最接近的是：');
    const [picked] = await bot.tap(reply!, 'script.pick', alice, (l) => l.startsWith('张阿姨'));
    expect(replyText(picked!)).toContain('📝 通话话术 · 张阿姨');

    const [product] = await bot.send('/script 七星卡');
    expect(replyText(product!)).toContain('没有找到「七星卡」');
    const labels = buttonsOf(product!).map((b) => b.label);
    expect(labels).toContain('📦 四星卡');
    const [four] = await bot.tap(product!, 'script.pick', alice, (l) => l === '📦 四星卡');
    expect(replyText(four!)).toMatch(/^📝 通话话术 · 四星卡/);

    expect(await bot.say('/script 周杰伦')).toContain('也没有相近的');
    expect(await bot.say('/script')).toContain('给谁打？');
  });

  it('offers a choice when several customers match', async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    await bot.customer('王总', { company: '华通物流' });
    await bot.customer('王总', { company: '远大建材' });
    const [reply] = await bot.send('/script 王总 试用');
    expect(replyText(reply!)).toContain('有多位客户符合「王总」');
    expect(buttonsOf(reply!).map((b) => b.label).sort()).toEqual(['王总（华通物流）', '王总（远大建材）'].sort());
    const [script] = await bot.tap(reply!, 'script.pick', alice, (l) => l.includes('远大建材'));
    expect(replyText(script!)).toContain('📝 通话话术 · 王总（远大建材）');
    expect(replyText(script!)).toContain('目标：开通试用'); // the goal travels with the button
    expect(replyText(script!)).toContain('还没有联系记录，按首次通话准备。');
  });

  it("works for the rep's own customers and a manager's team, not for another rep's", async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    await bot.say(ZHANG_LOG);
    await bot.say('/me', bob);
    expect(await bot.say('/script 张阿姨', bob)).toContain('没有找到「张阿姨」');
    const managers = await bot.say('/script 张阿姨', boss);
    expect(managers).toContain('📝 通话话术 · 张阿姨（139****5678）'); // not the owner: masked
    // A button carrying another rep's customer shows nothing of them.
    const id = (await bot.database.store.customers.search({ userId: await bot.userId('alice'), managedTeamIds: [] }, '张阿姨'))[0]!.id;
    const [foreign] = await bot.send('/script 四星卡', bob);
    const forged = { blocks: [{ type: 'buttons' as const, buttons: [{ label: 'x', action: 'script.goal', value: `c:${id}:trial` }] }] };
    expect(replyText((await bot.tap(forged, 'script.goal', bob))[0]!)).toContain('已经不在了，或者你没有权限查看');
    expect(replyText(foreign!)).toMatch(/^📝 通话话术 · 四星卡/); // a product script is for anyone
  });

  it('gives a shorter version and another goal with a button; button data fits Telegram', async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    await bot.say(ZHANG_LOG);
    const [full] = await bot.send('/script 张阿姨');
    for (const b of buttonsOf(full!)) expect(encodeCallbackData(b.action, b.value)).not.toBeNull();
    const [short] = await bot.tap(full!, 'script.short');
    const shortText = replyText(short!);
    expect(shortText).toContain('（精简版）');
    expect(shortText.length).toBeLessThan(replyText(full!).length * 0.75);
    expect(shortText).toContain('「价格」（这位客户提过）');
    expect(shortText).not.toContain('📌 提醒');
    expect(buttonsOf(short!)[0]!.label).toBe('📄 完整版');
    const [renewal] = await bot.tap(full!, 'script.goal', alice, (l) => l.includes('续费'));
    expect(replyText(renewal!)).toContain('目标：续费');
    expect(buttonsOf(renewal!).map((b) => b.label)).toEqual(['✂️ 精简版', '🎯 改为预约', '🎯 改为试用', '🎯 改为定金']);
    // A stale button says so.
    const stale = { blocks: [{ type: 'buttons' as const, buttons: [{ label: 'x', action: 'script.short', value: 'c:999999:trial' }] }] };
    expect(replyText((await bot.tap(stale, 'script.short'))[0]!)).toContain('已经不在了');
  });

  it('runs from the Script button of a due follow-up reminder', async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    await bot.say(ZHANG_LOG);
    bot.clock.set(new Date('2026-11-25T14:00:10+08:00'));
    await tick({ store: bot.database.store, clock: bot.clock });
    const now = bot.clock.now();
    const [message] = await bot.database.store.outbox.claimDue('console', now, new Date(now.getTime() + 60_000), 10, 'console:alice');
    const reminder = message!.replies[0]!;
    const button = buttonsOf(reminder).find((b) => b.action === 'script.customer')!;
    expect(button.label).toBe('📝 话术');
    const [script] = await bot.tap(reminder, 'script.customer');
    expect(replyText(script!)).toContain('📝 通话话术 · 张阿姨');
    expect(replyText(script!)).toContain('「价格」（这位客户提过）');
    // Someone else tapping it (a forwarded message) sees nothing of the customer.
    await bot.say('/me', bob);
    expect(replyText((await bot.tap(reminder, 'script.customer', bob))[0]!)).toContain('已经不在了，或者你没有权限查看');
  });

  it('speaks English to an English-speaking rep', async () => {
    bot = await scriptBot(kind);
    await bot.say('/lang en');
    await bot.say('Spoke to Mrs Patel 13912345678 for 12 min, interested in the standard edition but says it is too expensive, call again Wednesday 3pm');
    const [reply] = await bot.send('/script Mrs Patel');
    const text = replyText(reply!);
    expect(text).toContain('📝 Call script · Mrs Patel (13912345678)');
    expect(text).toMatch(/Goal: /);
    expect(text).toContain('1️⃣ Opening');
    expect(text).toContain('"Hello, is this Mrs Patel? This is alice from 青禾云账. This call may be recorded for service quality.');
    expect(text).toMatch(/1️⃣ Opening\n.*\n— from .*《Call recording notice》/);
    expect(text).toContain('4️⃣ Likely objections');
    expect(text).toContain('"price" (raised by this customer)');
    expect(text).toContain('《客户嫌软件太贵》');
    expect(buttonsOf(reply!)[0]!.label).toBe('✂️ Shorter');
    expect(await bot.say('/script Mr Nobody')).toContain('No customer or product matches "Mr Nobody"');
  });

  it('renders within the limits of the terminal, Slack and Telegram', async () => {
    bot = await scriptBot(kind, { kb: DEV_KB });
    await bot.say(ZHANG_LOG);
    const replies = await bot.send('/script 张阿姨');
    // Terminal: the text, then the buttons numbered for typing.
    const terminal = renderForTerminal(replies);
    expect(terminal.text).toContain('1️⃣ 开场');
    expect(terminal.text).toContain('[1] ✂️ 精简版   [2] 🎯 改为预约');
    expect(terminal.buttons).toHaveLength(4);
    // Slack: one section per script section, each within 3,000 characters; buttons encodable.
    const slack = renderMessages(replies);
    expect(slack).toHaveLength(1);
    const blocks = slack[0]!.blocks;
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    expect(blocks.filter((b) => b.type === 'section').length).toBeGreaterThanOrEqual(6);
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions.flatMap((a) => (a.type === 'actions' ? a.elements : []))).toHaveLength(4);
    // Telegram: escaped HTML, split within 4,096 characters, buttons as callback data ≤ 64 bytes.
    const [tg] = renderReplies(replies);
    expect(tg!.html).toContain('1️⃣ 开场');
    for (const part of splitHtml(tg!.html)) expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(tg!.rows.flat().every((b) => encodeCallbackData(b.action, b.value) !== null)).toBe(true);
  });
});
