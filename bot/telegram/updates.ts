/**
 * Telegram updates → core messages. Private chats: every message. Groups: commands (not those
 * addressed to another bot), messages that mention the bot, and replies to the bot's messages.
 * Button taps from anywhere. The update id is the delivery id, so a redelivered update (a webhook
 * retry, a second instance) is recognised by the core and skipped.
 */
import type { Chat, Message, MessageEntity, Update, User } from 'grammy/types';
import type { IncomingMessage } from '../../core/message.ts';
import { decodeCallbackData } from './callback-data.ts';

export interface BotIdentity {
  id: number;
  username: string;
}

/** Messages with something in them; service messages (joins, pins, …) are not for the core. */
const CONTENT = ['photo', 'sticker', 'voice', 'audio', 'video', 'video_note', 'document', 'animation', 'location', 'contact', 'venue', 'poll', 'dice'] as const;

export function chatTypeOf(chat: Chat): 'direct' | 'group' | null {
  if (chat.type === 'private') return 'direct';
  if (chat.type === 'group' || chat.type === 'supergroup') return 'group';
  return null;
}

export function displayName(user: User): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name || user.username || String(user.id);
}

/** Entities' offsets and lengths are in UTF-16 code units, like JS string indexes. */
const entityText = (text: string, e: MessageEntity) => text.slice(e.offset, e.offset + e.length);

function mentionsBot(text: string, entities: MessageEntity[], bot: BotIdentity): MessageEntity[] {
  const handle = `@${bot.username}`.toLowerCase();
  return entities.filter(
    (e) => (e.type === 'mention' && entityText(text, e).toLowerCase() === handle) || (e.type === 'text_mention' && e.user.id === bot.id),
  );
}

/** Removes the bot's @mentions from the text (the core should not read its own name). */
function withoutMentions(text: string, mentions: MessageEntity[]): string {
  let out = text;
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
    if (e.type === 'mention') out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  }
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}

/** A command at the start of the text: for us unless it names another bot (`/help@otherbot`). */
function commandFor(text: string, entities: MessageEntity[], bot: BotIdentity): boolean | null {
  const first = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!first) return null;
  const at = entityText(text, first).split('@')[1];
  return at === undefined || at.toLowerCase() === bot.username.toLowerCase();
}

function fromMessage(updateId: number, message: Message, bot: BotIdentity): IncomingMessage | null {
  const chatType = chatTypeOf(message.chat);
  const from = message.from;
  if (!chatType || !from || from.is_bot) return null;
  const rawText = message.text ?? message.caption;
  const entities = message.entities ?? message.caption_entities ?? [];
  let text: string;
  if (rawText === undefined) {
    // A photo or sticker in a private chat gets "please send text"; anything else is ignored.
    if (chatType !== 'direct' || !CONTENT.some((k) => k in message)) return null;
    text = '';
  } else if (chatType === 'group') {
    const command = commandFor(rawText, entities, bot);
    if (command === false) return null;
    const mentions = mentionsBot(rawText, entities, bot);
    const replyToBot = message.reply_to_message?.from?.id === bot.id;
    if (!command && !mentions.length && !replyToBot) return null;
    text = command || !mentions.length ? rawText : withoutMentions(rawText, mentions);
  } else {
    text = rawText;
  }
  return {
    platform: 'telegram',
    platformUserId: String(from.id),
    userName: displayName(from),
    chatId: String(message.chat.id),
    chatType,
    text,
    deliveryId: String(updateId),
    messageId: String(message.message_id),
    sentAt: new Date(message.date * 1000),
  };
}

export function toIncomingMessage(update: Update, bot: BotIdentity): IncomingMessage | null {
  if (update.message) return fromMessage(update.update_id, update.message, bot);
  const query = update.callback_query;
  if (query) {
    const message = query.message;
    const action = query.data ? decodeCallbackData(query.data) : null;
    const chatType = message && chatTypeOf(message.chat);
    if (!message || !action || !chatType) return null;
    return {
      platform: 'telegram',
      platformUserId: String(query.from.id),
      userName: displayName(query.from),
      chatId: String(message.chat.id),
      chatType,
      text: '',
      action,
      deliveryId: String(update.update_id),
      messageId: String(message.message_id),
    };
  }
  return null;
}

/** The update types the adapter asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
