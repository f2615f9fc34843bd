/**
 * Sends core replies to one Telegram chat: each reply rendered as HTML, split into messages of at
 * most 4,096 characters, its buttons on the last part, each message through the flood limiter.
 * Throws when a message cannot be sent (the outbox retries it later); 429s never get here, the
 * auto-retry transformer waits them out.
 */
import { GrammyError, type Api } from 'grammy';
import type { Logger } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { renderReplies } from './html.ts';
import { inlineKeyboard } from './keyboard.ts';
import type { SendLimiter } from './rate-limit.ts';
import { splitHtml } from './split.ts';

export interface SendOptions {
  /** Space this send from the chat's previous one (outbox); off for a direct answer. */
  spaceChat?: boolean;
  /** In groups: the user's message the first part answers. */
  replyTo?: number;
}

export type SendReplies = (chatId: string, replies: Reply[], opts?: SendOptions) => Promise<void>;

/** The text of Telegram HTML, for the plain-text fallback. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Errors that no retry can fix: the user blocked the bot or deleted their account, the bot was
 * removed from the group, or the chat does not exist. The outbox stops trying these.
 */
export function isUndeliverable(err: unknown): boolean {
  if (!(err instanceof GrammyError)) return false;
  if (err.error_code === 403) return true;
  return err.error_code === 400 && /chat not found|user is deactivated|group chat was (deleted|upgraded)|bot was kicked/i.test(err.description);
}

const unparsable = (err: unknown) => err instanceof GrammyError && err.error_code === 400 && /can't parse entities/i.test(err.description);

export function createSender(api: Api, limiter: SendLimiter, logger: Logger): SendReplies {
  return async (chatId, replies, opts = {}) => {
    let replyTo = opts.replyTo;
    for (const message of renderReplies(replies)) {
      const parts = splitHtml(message.html);
      const keyboard = inlineKeyboard(message.rows, (b) =>
        logger.error({ platform: 'telegram', action: b.action, value: b.value }, 'button data longer than 64 bytes; button left out'),
      );
      for (const [i, html] of parts.entries()) {
        const reply_markup = i === parts.length - 1 ? keyboard : undefined;
        await limiter.wait(chatId, { spaceChat: opts.spaceChat });
        const reply_parameters = replyTo === undefined ? undefined : { message_id: replyTo, allow_sending_without_reply: true };
        replyTo = undefined;
        const other = { reply_markup, reply_parameters, link_preview_options: { is_disabled: true } };
        try {
          await api.sendMessage(chatId, html, { ...other, parse_mode: 'HTML' });
        } catch (err) {
          if (!unparsable(err)) throw err;
          // A rendering bug must not cost the user the message: send it as plain text.
          logger.error({ err: (err as Error).message, platform: 'telegram', chatId }, 'Telegram rejected the HTML; sent as plain text');
          await api.sendMessage(chatId, htmlToPlain(html), other);
        }
      }
    }
  };
}
