import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf } from '../../core/reply.ts';
import { parseCommand } from '../../core/router.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';
import { databaseKinds } from '../support/db.ts';

describe('parseCommand', () => {
  it('splits name and arguments, tolerating a full-width slash and a @bot suffix', () => {
    expect(parseCommand('/team add 李四 rep')).toEqual({ name: 'team', args: 'add 李四 rep' });
    expect(parseCommand('／HELP')).toEqual({ name: 'help', args: '' });
    expect(parseCommand('/help@sales_bot  ')).toEqual({ name: 'help', args: '' });
  });
});

describe.each(databaseKinds())('router on %s', (kind) => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot(kind);
  });
  afterEach(() => bot.close());

  it('answers /help in Chinese by default and lists every command', async () => {
    const help = await bot.say('/help');
    for (const c of ['/help', '/lang', '/team', '/me', '/customers']) expect(help).toContain(c);
    expect(help).toContain('查看命令');
  });

  it('follows the language the user types in', async () => {
    await bot.say('hello there, what can you do');
    expect(await bot.say('/help')).toContain('list the commands');
    await bot.say('你好，你能做什么');
    expect(await bot.say('/help')).toContain('查看命令');
  });

  it('keeps the language chosen with /lang until /lang auto', async () => {
    expect(await bot.say('/lang en')).toContain('English');
    await bot.say('你好，你能做什么');
    expect(await bot.say('/help')).toContain('list the commands');
    await bot.say('/lang auto');
    await bot.say('你好，你能做什么');
    expect(await bot.say('/help')).toContain('查看命令');
    expect(await bot.say('/lang fr')).toContain('/lang zh');
  });

  it('answers an unknown command with a pointer to /help', async () => {
    expect(await bot.say('/frobnicate')).toContain('没有 /frobnicate 这个命令');
  });

  it('routes free text by intent', async () => {
    expect(await bot.say('张总没接，明天上午再打')).toContain('已记录通话');
    expect(await bot.say('客户说太贵了怎么办？')).toContain('问题');
    expect(await bot.say('客户怀疑我是骗子')).toContain('问题');
    expect(await bot.say('哈哈哈哈')).toContain('/help');
  });

  it('answers a tap on an unknown button without failing', async () => {
    const replies = await bot.send({ text: 'Undo', action: { name: 'no.such.action', value: '1' } });
    expect(replies).toHaveLength(1);
    expect(buttonsOf(replies[0]!)).toEqual([]);
  });

  it('handles a retried delivery once', async () => {
    const first = await bot.send({ text: '/me', deliveryId: 'evt-1' });
    const retry = await bot.send({ text: '/me', deliveryId: 'evt-1' });
    expect(first).toHaveLength(1);
    expect(retry).toEqual([]);
    expect(bot.logs.some((l) => l.msg === 'duplicate delivery skipped')).toBe(true);
  });

  it('turns a failure into a friendly reply and a log line, and lets the retry through', async () => {
    await bot.say('/me');
    await bot.database.close();
    const reply = await bot.say('/me', { deliveryId: 'evt-2' });
    expect(reply).toContain('没有丢失');
    expect(bot.logs.some((l) => l.msg === 'duplicate delivery skipped' || l.msg === 'message handling failed')).toBe(true);
    // Reopen so afterEach can close cleanly.
    bot = await createTestBot(kind);
  });

  it('gives friendly answers to empty, huge, emoji-only and control-character input', async () => {
    for (const text of ['', '   ', '😀😀😀', '\u0000\u0007\u001b[31m', 'x'.repeat(20_000)]) {
      const reply = await bot.say(text);
      expect(reply.length).toBeGreaterThan(0);
      expect(reply).not.toContain('出错');
    }
  });
});
