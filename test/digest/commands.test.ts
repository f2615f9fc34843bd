import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/db.ts';
import { digestBot, type DigestBot } from './support.ts';

/** Monday 23 November 2026, 10:00 in Shanghai: 7 working days (Mon–Sat) left in the month, today included. */
const MON = '2026-11-23T10:00:00+08:00';

describe.each(databaseKinds())('/target, /plan and /digest on %s', (kind) => {
  let bot: DigestBot;
  beforeEach(async () => {
    bot = await digestBot(kind, MON);
    await bot.say('alice', '/me'); // the first user: admin, manager and rep
    await bot.say('bob', '/me'); // a rep
  });
  afterEach(() => bot.close());

  it('managers set targets per rep and for the team; /target alone lists them', async () => {
    expect(await bot.say('bob', '/target team dials 100/day')).toBe('只有经理可以这样做。');
    expect(await bot.say('alice', '/target bob 成交5单 回款3万')).toBe('✅ bob 2026-11 的目标：成交 5 单 · 回款 30,000 元');
    expect(await bot.say('alice', '/target team dials 100/day')).toBe('✅ 团队 2026-11 的目标：拨打 100/天');
    expect(await bot.say('alice', '/target 没这人 成交5单')).toBe('团队里没有叫“没这人”的人。');
    expect(await bot.say('alice', '/target bob 随便')).toContain('用法');
    const list = await bot.say('bob', '/target');
    expect(list).toContain('🎯 2026-11 目标');
    expect(list).toContain('• 团队：拨打 100/天');
    expect(list).toContain('• bob：成交 5 单 · 回款 30,000 元');
    const team = await bot.database.store.teams.getDefault();
    expect(await bot.database.store.targets.list(team!.id, '2026-11')).toHaveLength(3);
  });

  it('/plan follows the chain of domain.md, in words and in flags', async () => {
    const zh = await bot.say('bob', '/plan 5单 成交率5% 已有A卡50 建卡率25% 22天');
    expect(zh).toContain('目标 5 单 ÷ 成交率 5% = A卡池 100 张');
    expect(zh).toContain('减去已有A卡 50 张 = 新建A卡 50 张');
    expect(zh).toContain('÷ 建卡率 25% = 要接触新客户 200 个');
    expect(zh).toContain('÷ 22 个工作日 = 每天 10 个新客户（约 3 张A卡）');
    expect(zh).toContain('成交率 5%（你给的）');
    await bot.say('bob', '/lang en');
    const en = await bot.say('bob', '/plan 5 --close-rate 5% --carried 50 --card-rate 25% --days 22');
    expect(en).toContain('5 deals ÷ close rate 5% = A-card pool 100');
    expect(en).toContain('200 new customers to contact');
    expect(en).toContain('÷ 22 working days = 10 new customers a day');
  });

  it('/plan fills what is not given from the target, the history or the defaults, and says which', async () => {
    expect(await bot.say('bob', '/plan')).toContain('要成交几单');
    await bot.say('alice', '/target bob 成交5单');
    const text = await bot.say('bob', '/plan');
    // 5 ÷ 5% = 100; no A-cards yet → 100 new; ÷ 25% = 400; 7 working days left → 57.1 → 58 a day
    expect(text).toContain('A卡池 100 张');
    expect(text).toContain('要接触新客户 400 个');
    expect(text).toContain('÷ 7 个工作日 = 每天 58 个新客户');
    expect(text).toContain('成交目标 5（本月目标）');
    expect(text).toContain('成交率 5%（默认值）');
    expect(text).toContain('建卡率 25%（默认值）');
    expect(text).toContain('已有A卡 0（本月实际）');
    expect(text).toContain('天数 7（本月剩余工作日）');
    expect(await bot.say('bob', '/plan 5单 成交率0%')).toContain('要大于 0');
    expect(await bot.say('bob', '/plan 5单 --what 3')).toContain('看不懂');
  });

  it('/plan is saved as the month’s plan (a rep’s, or the team’s by a manager), and /digest tracks it', async () => {
    await bot.say('alice', '/target bob 成交5单');
    expect(await bot.say('bob', '/plan')).toContain('已保存为 bob 2026-11 的计划，日报会对照它跟踪实际。');
    expect(await bot.say('bob', '/plan team 20单')).toBe('只有经理可以这样做。');
    const team = await bot.say('alice', '/plan team 20单 成交率10%');
    expect(team).toContain('🧮 默认团队 的本月计划');
    expect(team).toContain('目标 20 单 ÷ 成交率 10% = A卡池 200 张');
    const teamId = (await bot.database.store.teams.getDefault())!.id;
    expect(await bot.database.store.plans.list(teamId, '2026-11')).toMatchObject([
      { userId: null, deals: 20, closeRate: 0.1, cardRate: 0.25, carried: 0, days: 7, pool: 200, newACards: 200, newCustomers: 800, customersPerDay: 115, aCardsPerDay: 29 },
      { deals: 5, closeRate: 0.05, cardRate: 0.25, days: 7, pool: 100, newACards: 100, newCustomers: 400, customersPerDay: 58, aCardsPerDay: 15 },
    ]);
    // Monday, 6 working days after today: 1/7 of bob's plan is due (100 → 14 A-cards, 400 → 57 new customers).
    const own = await bot.say('bob', '/digest');
    expect(own).toContain('销售 | 今日新客 | 本月新A卡 | 应有 | 本月成交\nbob | 0/58 | 0/100 | 14 | 0/5');
    expect(own).toContain('• bob：本月新客 0，按计划应有 57 — 接触的新客户不够');
  });

  it('/digest here and off are for managers; a rep sees only their own numbers', async () => {
    expect(await bot.say('bob', '/digest here', { chatId: 'console:group', chatType: 'group' })).toBe('只有经理可以这样做。');
    expect(await bot.say('alice', '/digest here', { chatId: 'console:group', chatType: 'group' })).toContain('以后发到这里');
    const team = await bot.database.store.teams.getDefault();
    expect(await bot.database.store.digests.getChannel(team!.id)).toEqual({ teamId: team!.id, platform: 'console', chatId: 'console:group' });
    expect(await bot.say('bob', '/digest today alice')).toContain('你只能查看自己的数据');
    const own = await bot.say('bob', '/digest today');
    expect(own).toContain('📊 bob · 日报 · 11月23日 周一');
    expect(own).not.toContain('团队：');
    const teamView = await bot.say('alice', '/digest');
    expect(teamView).toContain('📊 默认团队 · 日报 · 11月23日 周一');
    expect(teamView).toContain('团队：拨打 0 · 接通 0（—）');
    expect(await bot.say('alice', '/digest week')).toContain('A卡四率');
    expect(await bot.say('alice', '/digest off')).toBe('已停止推送日报。');
    expect(await bot.database.store.digests.getChannel(team!.id)).toBeNull();
  });

  it('the Full table button gives managers the whole table of the period it was posted for', async () => {
    const tap = (who: string, value: string) => bot.send({ platformUserId: who, userName: who, chatId: 'console:group', chatType: 'group', text: '', action: { name: 'digest.full', value } });
    const { replyText } = await import('../../core/reply.ts');
    expect(replyText((await tap('alice', 'week:2026-W47'))[0]!)).toContain('📊 默认团队 · 周报 · 11月16日–11月22日');
    expect(replyText((await tap('alice', 'month:2026-10'))[0]!)).toContain('月报 · 2026年10月');
    expect(replyText((await tap('bob', 'day:2026-11-23'))[0]!)).toBe('只有经理可以这样做。');
    expect(replyText((await tap('alice', 'day:nonsense'))[0]!)).toContain('用法');
  });
});
