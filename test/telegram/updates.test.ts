import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { toIncomingMessage } from '../../bot/telegram/updates.ts';
import { callbackQuery, groupChat, textMessage, user } from '../support/telegram-stand-in.ts';

const bot = { id: 999, username: 'salesbot_test_bot' };
const alice = user(111, 'Alice', 'alice_sales');
const at = new Date('2026-11-23T02:00:00Z');
const update = (u: Omit<Update, 'update_id'>, id = 1): Update => ({ ...u, update_id: id }) as Update;

describe('Telegram updates → core messages', () => {
  it('turns a private text message into a direct message with the update id as delivery id', () => {
    const msg = toIncomingMessage(update(textMessage(alice, '张总没接', { date: at }), 77), bot);
    expect(msg).toMatchObject({
      platform: 'telegram',
      platformUserId: '111',
      userName: 'Alice',
      chatId: '111',
      chatType: 'direct',
      text: '张总没接',
      deliveryId: '77',
      sentAt: at,
    });
  });

  it('in groups takes commands, mentions (without the mention) and replies to the bot only', () => {
    const chat = groupChat();
    const take = (text: string, opts = {}) => toIncomingMessage(update(textMessage(alice, text, { chat, ...opts })), bot);
    expect(take('随便聊聊')).toBeNull();
    expect(take('/help@other_bot')).toBeNull();
    expect(take('@someone_else 你好')).toBeNull();
    expect(take('/help')).toMatchObject({ chatType: 'group', text: '/help', chatId: String(chat.id) });
    expect(take('/help@SalesBot_Test_Bot')).toMatchObject({ text: '/help@SalesBot_Test_Bot' });
    expect(take('@salesbot_test_bot 张总没接')).toMatchObject({ text: '张总没接' });
    expect(take('张总没接 @salesbot_test_bot 明天再打')).toMatchObject({ text: '张总没接 明天再打' });
    const botMessage = { message_id: 1, date: 0, chat, from: { id: bot.id, is_bot: true, first_name: 'bot' }, text: 'x' };
    expect(take('改成周四', { replyTo: botMessage })).toMatchObject({ text: '改成周四' });
  });

  it('ignores channels, bots and service messages; a photo in private asks for text', () => {
    const channel = { id: -1001, type: 'channel', title: 'news' } as const;
    expect(toIncomingMessage(update(textMessage(alice, 'x', { chat: channel as never })), bot)).toBeNull();
    expect(toIncomingMessage(update(textMessage({ ...alice, is_bot: true }, 'x')), bot)).toBeNull();
    const base = textMessage(alice, 'x').message!;
    const { text: _t, ...noText } = base as { text?: string };
    expect(toIncomingMessage(update({ message: { ...noText, new_chat_members: [alice] } as never }), bot)).toBeNull();
    expect(toIncomingMessage(update({ message: { ...noText, photo: [] } as never }), bot)).toMatchObject({ text: '' });
    expect(toIncomingMessage(update({ message: { ...noText, photo: [], caption: '名片' } as never }), bot)).toMatchObject({ text: '名片' });
  });

  it('turns a button tap into an action', () => {
    const tap = callbackQuery(alice, 'call.pick|42:new', { chatId: 111, messageId: 5 });
    expect(toIncomingMessage(update(tap, 9), bot)).toMatchObject({
      chatId: '111',
      chatType: 'direct',
      text: '',
      action: { name: 'call.pick', value: '42:new' },
      deliveryId: '9',
    });
    expect(toIncomingMessage(update(callbackQuery(alice, '', { chatId: 111, messageId: 5 })), bot)).toBeNull();
  });
});
