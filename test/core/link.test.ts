import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/bot.ts';
import { databaseKinds } from '../support/db.ts';

describe.each(databaseKinds())('/link pairs accounts on two platforms on %s', (kind) => {
  let bot: TestBot;
  const slack = { platform: 'slack' as const, platformUserId: 'U1', userName: 'ann', chatId: 'D1' };
  const telegram = { platform: 'telegram' as const, platformUserId: '4242', userName: 'ann', chatId: '4242' };
  beforeEach(async () => {
    bot = await createTestBot(kind);
    await bot.say('/me', { platformUserId: 'boss', userName: 'boss' });
  });
  afterEach(() => bot.close());

  it('moves the joining account’s customers and follow-ups to the person, and keeps both identities', async () => {
    const { store } = bot.database;
    await bot.say('张总13812345678没接，明天上午再打', telegram);
    const code = (await bot.say('/link', slack)).match(/\d{6}/)?.[0];
    expect(code).toBeDefined();
    expect(await bot.say(`/link ${code}`, telegram)).toContain('配对成功');

    const viaSlack = await store.users.findByIdentity('slack', 'U1');
    const viaTelegram = await store.users.findByIdentity('telegram', '4242');
    expect(viaTelegram?.id).toBe(viaSlack?.id);
    expect(await bot.say('/customer 张总', slack)).toContain('下次跟进');
    expect(await bot.say('/followups', slack)).toContain('张总');
    expect(await bot.say('/me', telegram)).toMatch(/角色：销售$/m);
  });

  it('refuses a wrong, reused, own or expired code', async () => {
    expect(await bot.say('/link 000000', telegram)).toContain('不对或已过期');
    const code = (await bot.say('/link', slack)).match(/\d{6}/)?.[0];
    expect(await bot.say(`/link ${code}`, slack)).toContain('就是这个账号的');
    const fresh = (await bot.say('/link', slack)).match(/\d{6}/)?.[0];
    bot.clock.advance(11 * 60_000);
    expect(await bot.say(`/link ${fresh}`, telegram)).toContain('不对或已过期');
    const last = (await bot.say('/link', slack)).match(/\d{6}/)?.[0];
    expect(await bot.say(`/link ${last}`, telegram)).toContain('配对成功');
    expect(await bot.say(`/link ${last}`, telegram)).toContain('不对或已过期');
  });
});
