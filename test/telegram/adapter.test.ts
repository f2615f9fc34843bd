import { afterEach, describe, expect, it, vi } from 'vitest';
import { textReply, type Reply } from '../../core/reply.ts';
import { databaseKinds } from '../support/db.ts';
import { callbackQuery, groupChat, user } from '../support/telegram-stand-in.ts';
import { startTelegramHarness, type TelegramHarness, WEBHOOK_SECRET } from './harness.ts';

const alice = user(111, 'Alice', 'alice_sales');
const bob = user(222, 'Bob');
const CALL = '张总13812345678没接，明天上午再打';

type Keyboard = Array<Array<{ text: string; callback_data: string; style?: string }>>;
const keyboardOf = (payload: Record<string, any>): Keyboard => payload.reply_markup?.inline_keyboard ?? [];
const buttonData = (payload: Record<string, any>, prefix: string) => keyboardOf(payload).flat().find((b) => b.callback_data.startsWith(prefix))?.callback_data;

describe.each(databaseKinds())('Telegram adapter on %s', (kind) => {
  let h: TelegramHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const activitiesOf = async (who = alice) => {
    const store = h!.bot.database.store;
    const u = await store.users.findByIdentity('telegram', String(who.id));
    return u ? store.activities.listVisible({ userId: u.id, managedTeamIds: [] }) : [];
  };

  describe('long polling', () => {
    it('logs a call and confirms it in HTML with an inline keyboard', async () => {
      h = await startTelegramHarness(kind);
      h.standIn.queueUpdate(h.text(alice, CALL));
      const sent = await h.standIn.waitFor('sendMessage');
      expect(sent.payload.chat_id).toBe(String(alice.id));
      expect(sent.payload.parse_mode).toBe('HTML');
      expect(sent.payload.text).toContain('已记录通话');
      expect(sent.payload.text).toContain('张总');
      expect(sent.payload.text).toContain('13812345678'); // the owner, in a private chat
      expect(sent.payload.text).toContain('下次跟进：11月24日 周二 10:00');
      const [activity] = await activitiesOf();
      expect(activity).toMatchObject({ kind: 'call', result: 'no_answer', sourcePlatform: 'telegram' });
      expect(keyboardOf(sent.payload).flat()).toEqual([
        expect.objectContaining({ text: '撤销', callback_data: `call.undo|${activity!.id}`, style: 'danger' }),
        expect.objectContaining({ text: '修改', callback_data: `call.edit|${activity!.id}` }),
      ]);
      // A private chat is answered directly (no reply-to), from the first Telegram user (the admin).
      expect(sent.payload.reply_parameters).toBeUndefined();
      // The long poll asked only for what the adapter handles.
      expect(h.standIn.callsTo('getUpdates')[0]?.payload.allowed_updates).toEqual(['message', 'callback_query']);
      expect(h.standIn.callsTo('deleteWebhook')).toHaveLength(1);
    });

    it('Undo removes the activity and the tap is answered', async () => {
      h = await startTelegramHarness(kind);
      h.standIn.queueUpdate(h.text(alice, CALL));
      const confirmation = await h.standIn.waitFor('sendMessage');
      expect(await activitiesOf()).toHaveLength(1);
      const data = buttonData(confirmation.payload, 'call.undo|')!;
      const tap = callbackQuery(alice, data, { chatId: alice.id, messageId: 1 });
      h.standIn.queueUpdate(tap);
      const answered = await h.standIn.waitFor('answerCallbackQuery');
      expect(answered.payload.callback_query_id).toBe(tap.callback_query!.id);
      const undone = await h.standIn.waitFor('sendMessage', { nth: 2 });
      expect(undone.payload.text).toContain('撤销');
      expect(await activitiesOf()).toHaveLength(0);
    });

    it('handles an update delivered twice once', async () => {
      h = await startTelegramHarness(kind);
      const update = h.text(alice, CALL);
      h.standIn.queueUpdate({ ...update, update_id: 42 });
      h.standIn.queueUpdate({ ...update, update_id: 42 });
      h.standIn.queueUpdate(h.text(alice, '/me')); // handled after both copies
      await h.standIn.waitFor('sendMessage', { where: (p) => !String(p.text).includes('已记录通话') });
      expect(await activitiesOf()).toHaveLength(1);
      expect(h.standIn.callsTo('sendMessage').filter((c) => String(c.payload.text).includes('已记录通话'))).toHaveLength(1);
      expect(h.bot.logs.some((l) => l.msg === 'duplicate delivery skipped' && l.deliveryId === '42')).toBe(true);
    });

    it('escapes what users typed', async () => {
      h = await startTelegramHarness(kind);
      h.standIn.queueUpdate(h.text(alice, '/customer <b>Tom & Jerry</b> <!channel>'));
      const sent = await h.standIn.waitFor('sendMessage');
      expect(sent.payload.text).toContain('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; &lt;!channel&gt;');
      expect(sent.payload.text).not.toMatch(/<b>|<!channel>/);
    });

    it('waits out a 429 (retry_after) and sends the message', async () => {
      h = await startTelegramHarness(kind);
      h.standIn.rateLimit('sendMessage', 1, 1);
      h.standIn.queueUpdate(h.text(alice, '/me'));
      const sent = await h.standIn.waitFor('sendMessage');
      const attempts = h.standIn.calls.filter((c) => c.method === 'sendMessage');
      expect(attempts.map((c) => c.status)).toEqual([429, 200]);
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
      expect(sent.payload.text).toBe(attempts[0]!.payload.text);
    });

    it('queues an answer Telegram could not take (5xx) in the outbox and delivers it from there', async () => {
      h = await startTelegramHarness(kind);
      h.standIn.fail('sendMessage', 1, 502);
      h.standIn.queueUpdate(h.text(alice, '/me'));
      const sent = await h.standIn.waitFor('sendMessage');
      expect(h.standIn.calls.filter((c) => c.method === 'sendMessage').map((c) => c.status)).toEqual([502, 200]);
      expect(sent.payload.chat_id).toBe(String(alice.id));
      expect(h.logs.some((l) => l.msg === 'answer not sent; queued in the outbox')).toBe(true);
    });

    it('does not retry an answer Telegram refuses for good (403: blocked by the user)', async () => {
      h = await startTelegramHarness(kind);
      h.standIn.fail('sendMessage', 1, 403);
      h.standIn.queueUpdate(h.text(alice, '/me'));
      h.standIn.queueUpdate(h.text(alice, '/help'));
      await h.standIn.waitFor('sendMessage'); // the /help answer
      expect(h.standIn.calls.filter((c) => c.method === 'sendMessage').map((c) => c.status)).toEqual([403, 200]);
      expect(h.logs.some((l) => l.msg === 'could not answer on Telegram')).toBe(true);
    });

    it('publishes the command menu in English (default) and Chinese', async () => {
      h = await startTelegramHarness(kind);
      const menus = h.standIn.callsTo('setMyCommands');
      expect(menus.map((c) => c.payload.language_code)).toEqual([undefined, 'zh']);
      const en = menus[0]!.payload.commands as Array<{ command: string; description: string }>;
      const zh = menus[1]!.payload.commands as Array<{ command: string; description: string }>;
      expect(en).toContainEqual({ command: 'customer', description: "a customer's record and timeline" });
      expect(zh).toContainEqual({ command: 'customer', description: '客户档案和联系记录' });
      expect(en.map((c) => c.command)).toEqual(zh.map((c) => c.command));
      for (const c of en) expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
    });

    it('in a group answers mentions and replies only, and masks phone numbers', async () => {
      h = await startTelegramHarness(kind);
      const chat = groupChat();
      const { username } = h.standIn.bot;
      h.standIn.queueUpdate(h.text(alice, '大家好，今天继续加油', { chat })); // not for the bot
      h.standIn.queueUpdate(h.text(alice, '/help@some_other_bot', { chat })); // another bot's command
      const mention = h.text(alice, `@${username} ${CALL}`, { chat });
      h.standIn.queueUpdate(mention);
      const sent = await h.standIn.waitFor('sendMessage');
      expect(sent.payload.chat_id).toBe(String(chat.id));
      expect(sent.payload.text).toContain('已记录通话');
      expect(sent.payload.text).toContain('138****5678');
      expect(sent.payload.text).not.toContain('13812345678');
      expect(sent.payload.reply_parameters).toMatchObject({ message_id: mention.message!.message_id });
      const [activity] = await activitiesOf();
      expect(activity?.rawText).toBe(CALL); // the mention is not part of the log

      // A reply to the bot's message and a command addressed to it are for the bot too.
      const botMessage = { message_id: 1, date: 0, chat, from: h.standIn.bot, text: '…' } as const;
      h.standIn.queueUpdate(h.text(bob, '/me', { chat }));
      h.standIn.queueUpdate(h.text(bob, `/lang@${username} en`, { chat }));
      h.standIn.queueUpdate(h.text(bob, 'hello there', { chat, replyTo: botMessage as never }));
      await h.standIn.waitFor('sendMessage', { nth: 4 });
      expect(h.standIn.callsTo('sendMessage')).toHaveLength(4);
    });

    it('delivers the outbox through the dispatcher', async () => {
      h = await startTelegramHarness(kind);
      const store = h.bot.database.store;
      await store.outbox.send({ platform: 'telegram', chatId: '777' }, [textReply('提醒：10:00 回访张总', [{ label: '查看', action: 'customer.show', value: '7' }])], {
        notBefore: h.bot.clock.now(),
      });
      const sent = await h.standIn.waitFor('sendMessage', { where: (p) => p.chat_id === '777' });
      expect(sent.payload.text).toBe('提醒：10:00 回访张总');
      expect(keyboardOf(sent.payload).flat()).toEqual([expect.objectContaining({ text: '查看', callback_data: 'customer.show|7' })]);
      // Marked sent: nothing left to claim.
      const now = h.bot.clock.now();
      await h.adapter.stop();
      expect(await store.outbox.claimDue('telegram', now, now, 10)).toEqual([]);
    });

    it('stops trying a chat that blocked the bot (403) instead of retrying it forever', async () => {
      h = await startTelegramHarness(kind);
      const store = h.bot.database.store;
      h.standIn.fail('sendMessage', 1, 403);
      await store.outbox.send({ platform: 'telegram', chatId: '999' }, [textReply('提醒：回访李总')], { notBefore: h.bot.clock.now() });
      await vi.waitFor(() => expect(h!.logs.some((l) => l.msg === 'outbox message abandoned')).toBe(true), { timeout: 10_000 });
      const later = new Date(h.bot.clock.now().getTime() + 24 * 3_600_000);
      await h.adapter.stop();
      expect(await store.outbox.claimDue('telegram', later, later, 10)).toEqual([]);
      expect(h.standIn.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === '999').map((c) => c.status)).toEqual([403]);
    });

    it('splits a long message cleanly, buttons on the last part', async () => {
      h = await startTelegramHarness(kind);
      const rows = Array.from({ length: 240 }, (_, i) => [`客户${i + 1}<x>`, `138****${String(i).padStart(4, '0')}`, '明天 10:00 回访']);
      const long: Reply = {
        blocks: [
          { type: 'text', text: '今天要跟进（240）：' },
          { type: 'table', columns: ['客户', '电话', '下次'], rows },
          { type: 'text', text: '完' },
          { type: 'buttons', buttons: [{ label: '导出', action: 'x.export', value: '1' }] },
        ],
      };
      await h.bot.database.store.outbox.send({ platform: 'telegram', chatId: '888' }, [long], { notBefore: h.bot.clock.now() });
      const last = await h.standIn.waitFor('sendMessage', { where: (p) => p.chat_id === '888' && String(p.text).endsWith('完') });
      const parts = h.standIn.callsTo('sendMessage').filter((c) => c.payload.chat_id === '888');
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.at(-1)).toBe(last);
      for (const [i, part] of parts.entries()) {
        const text = String(part.payload.text);
        expect(text.length).toBeLessThanOrEqual(4096);
        expect(text.match(/<pre>/g)?.length ?? 0).toBe(text.match(/<\/pre>/g)?.length ?? 0);
        expect(text).not.toMatch(/<[^>]*$/); // no tag cut off at the end
        expect(part.payload.reply_markup === undefined).toBe(i < parts.length - 1);
      }
      // Every row arrives once, escaped, inside a <pre> block.
      const all = parts.map((p) => String(p.payload.text)).join('\n');
      for (const r of rows) expect(all.split(r[0]!.replace('<x>', '&lt;x&gt;')).length - 1).toBe(1);
      expect(parts[1]!.payload.text).toMatch(/^<pre>/);
    });
  });

  describe('webhook mode', () => {
    const post = (url: string, body: unknown, secret?: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(body),
      });

    it('registers the webhook with the secret and rejects requests without it', async () => {
      h = await startTelegramHarness(kind, { webhook: true });
      const [hook] = h.standIn.callsTo('setWebhook');
      expect(hook?.payload).toMatchObject({ url: 'https://bot.example.com/telegram/webhook', secret_token: WEBHOOK_SECRET });
      expect(h.standIn.callsTo('getUpdates')).toHaveLength(0);
      const update = { update_id: 7, ...h.text(alice, CALL) };

      expect((await fetch(h.webhookUrl!)).status).toBe(405);
      expect((await post(h.webhookUrl!, update)).status).toBe(401);
      expect((await post(h.webhookUrl!, update, 'wrong-secret-123')).status).toBe(401);
      expect(await activitiesOf()).toHaveLength(0);

      const res = await post(h.webhookUrl!, update, WEBHOOK_SECRET);
      expect(res.status).toBe(200);
      const sent = await h.standIn.waitFor('sendMessage');
      expect(sent.payload.text).toContain('已记录通话');
      expect(await activitiesOf()).toHaveLength(1);

      // Telegram retrying the same update: acknowledged, not logged again.
      expect((await post(h.webhookUrl!, update, WEBHOOK_SECRET)).status).toBe(200);
      expect(await activitiesOf()).toHaveLength(1);
      expect(h.standIn.callsTo('sendMessage')).toHaveLength(1);
    });
  });
});
