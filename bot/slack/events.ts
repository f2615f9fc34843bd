/**
 * Slack payloads → core messages, plus where the answer goes. Pure functions over the few fields
 * we read (typed here, not Bolt's unions), so each mapping is easy to test and to read.
 */
import type { IncomingMessage } from '../../core/message.ts';

/** Where the replies to one inbound go. */
export type ReplyTarget =
  | { kind: 'channel'; channel: string; threadTs?: string }
  /** A slash command's or an ephemeral message's response_url (works in channels the bot is not in). */
  | { kind: 'response_url'; url: string };

export interface Inbound {
  msg: IncomingMessage;
  target: ReplyTarget;
}

export interface MessageEventFields {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  user_profile?: { display_name?: string; real_name?: string; name?: string };
}

export interface SlashCommandFields {
  command: string;
  text: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  channel_name?: string;
  trigger_id: string;
  response_url: string;
}

export interface BlockActionFields {
  user: { id: string; name?: string; username?: string };
  channel?: { id: string };
  container: {
    type: string;
    channel_id?: string;
    message_ts?: string;
    thread_ts?: string;
    is_ephemeral?: boolean;
    view_id?: string;
  };
  message?: { ts: string; thread_ts?: string };
  response_url?: string;
  trigger_id?: string;
  actions: Array<{ action_id: string; value?: string; action_ts?: string; type: string }>;
}

export interface HomeOpenedFields {
  type: 'app_home_opened';
  user: string;
  channel?: string;
  tab?: string;
}

/** Message subtypes that are still a person typing to us. */
const HUMAN_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** A direct message (D…, channel type im) or anything else (channels, group DMs). */
export function chatTypeOf(channel: string, channelType?: string): 'direct' | 'group' {
  if (channelType) return channelType === 'im' ? 'direct' : 'group';
  return channel.startsWith('D') ? 'direct' : 'group';
}

/** Removes mentions of the bot (<@U123> or <@U123|name>). */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').replace(/[ \t]{2,}/g, ' ').trim();
}

/**
 * Slack markup → the plain text the core expects: mentions, channels and links become readable
 * text, and entities are decoded (what the user typed as "<" arrives as "&lt;"). The text is
 * escaped again on the way out, so nothing the user typed can become a mention there.
 */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return label ? `@${label}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) {
        const name = target.slice(1).split('^')[0] ?? '';
        return label ? label : `@${name}`;
      }
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function tsToDate(ts: string | undefined): Date | undefined {
  const seconds = ts ? Number.parseFloat(ts) : Number.NaN;
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)) : undefined;
}

export function nameFromProfile(profile: MessageEventFields['user_profile']): string | undefined {
  return profile?.display_name?.trim() || profile?.real_name?.trim() || profile?.name?.trim() || undefined;
}

/** A person's message (direct or a mention) as a core message, answered in its thread. */
function inbound(event: MessageEventFields, user: string, eventId: string | undefined, botUserId: string | undefined, chatType: IncomingMessage['chatType']): Inbound {
  return {
    msg: {
      platform: 'slack',
      platformUserId: user,
      userName: nameFromProfile(event.user_profile),
      chatId: event.channel,
      chatType,
      text: plainFromSlack(stripBotMention(event.text ?? '', botUserId)),
      deliveryId: eventId,
      messageId: `${event.channel}:${event.ts}`,
      sentAt: tsToDate(event.ts),
    },
    target: { kind: 'channel', channel: event.channel, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) },
  };
}

/**
 * A message event: only people's direct messages (message.im). Bot messages (ours included),
 * edits, deletions and other subtypes are not for the core: null.
 */
export function fromMessageEvent(event: MessageEventFields, eventId: string | undefined, botUserId?: string): Inbound | null {
  if (event.type !== 'message') return null;
  if (event.subtype && !HUMAN_SUBTYPES.has(event.subtype)) return null;
  if (event.bot_id || !event.user || event.user === botUserId) return null;
  if (chatTypeOf(event.channel, event.channel_type) !== 'direct') return null; // channels: only mentions
  return inbound(event, event.user, eventId, botUserId, 'direct');
}

/** @bot in a channel (or a group DM): the text without the mention. Direct messages come as message.im. */
export function fromAppMention(event: MessageEventFields, eventId: string | undefined, botUserId?: string): Inbound | null {
  if (event.type !== 'app_mention' || event.bot_id || !event.user || event.user === botUserId) return null;
  const chatType = chatTypeOf(event.channel, event.channel_type);
  if (chatType === 'direct') return null;
  return inbound(event, event.user, eventId, botUserId, chatType);
}

/**
 * `/sales <subcommand>` → the terminal's command: `/sales help` → `/help`, `/sales kb list` →
 * `/kb list`, `/sales` alone → `/help`. Text that does not start with a known command is passed
 * as typed (`/sales 张总没接，明天再打` logs a call).
 */
export function slashCommandText(text: string, commandNames: ReadonlySet<string>): string {
  const input = plainFromSlack(text).trim().replace(/^[/／]/, '');
  if (!input) return '/help';
  const first = (input.split(/\s+/, 1)[0] ?? '').toLowerCase();
  return commandNames.has(first) ? `/${input}` : input;
}

/** A slash command: answered through its response_url (visible to the user only). */
export function fromSlashCommand(body: SlashCommandFields, commandNames: ReadonlySet<string>): Inbound {
  const direct = body.channel_name === 'directmessage' || body.channel_id.startsWith('D');
  return {
    msg: {
      platform: 'slack',
      platformUserId: body.user_id,
      userName: body.user_name || undefined,
      chatId: body.channel_id,
      chatType: direct ? 'direct' : 'group',
      text: slashCommandText(body.text ?? '', commandNames),
      deliveryId: `command:${body.trigger_id}`,
    },
    target: { kind: 'response_url', url: body.response_url },
  };
}

/**
 * A button tap (block_actions) → the core's action. The answer goes to the same channel (and
 * thread) as a new message; from an ephemeral message through its response_url; from the App
 * Home tab to the user's direct messages with the app.
 */
export function fromBlockAction(
  body: BlockActionFields,
  decode: (actionId: string, value: string | undefined) => { name: string; value?: string } | null,
): Inbound | null {
  const action = body.actions[0];
  if (!action || action.type !== 'button') return null;
  const decoded = decode(action.action_id, action.value);
  if (!decoded) return null;
  const { container } = body;
  const where = container.message_ts ?? container.view_id ?? body.trigger_id ?? '';
  const deliveryId = `action:${where}:${action.action_id}:${action.action_ts ?? body.trigger_id ?? ''}`;
  const base = {
    platform: 'slack' as const,
    platformUserId: body.user.id,
    userName: body.user.name || body.user.username || undefined,
    text: '',
    action: decoded,
    deliveryId,
  };
  const channel = body.channel?.id ?? container.channel_id;
  if (container.type === 'view' || !channel) {
    return { msg: { ...base, chatId: body.user.id, chatType: 'direct' }, target: { kind: 'channel', channel: body.user.id } };
  }
  const msg: IncomingMessage = { ...base, chatId: channel, chatType: chatTypeOf(channel) };
  if (container.is_ephemeral && body.response_url) return { msg, target: { kind: 'response_url', url: body.response_url } };
  const threadTs = body.message?.thread_ts ?? container.thread_ts;
  return { msg, target: { kind: 'channel', channel, ...(threadTs ? { threadTs } : {}) } };
}

/** Opening the App Home tab asks the core for today's follow-ups, as that user, in private. */
export function fromHomeOpened(event: HomeOpenedFields): IncomingMessage | null {
  if (event.type !== 'app_home_opened' || (event.tab && event.tab !== 'home') || !event.user) return null;
  return {
    platform: 'slack',
    platformUserId: event.user,
    chatId: event.channel ?? event.user,
    chatType: 'direct',
    text: '/today',
  };
}
