/**
 * Sending to Slack: rendered replies to a channel (chat.postMessage, in a thread when asked) or a
 * response_url, and the App Home view (views.publish). Messages to one channel are spaced (Slack
 * allows about one a second per channel) and kept in order; a 429 is waited out for its
 * Retry-After and retried, never dropped.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { renderHomeView, renderMessages, type SlackMessage } from './blocks.ts';
import type { ReplyTarget } from './events.ts';
import { createLanes, sleep } from './lanes.ts';

export interface PosterOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** Least time between two messages to one channel; default 1100 ms. */
  spacingMs?: number;
  /** How long to wait for a 429 that says Retry-After `seconds`; default exactly that. Tests shrink it. */
  rateLimitDelayMs?: (seconds: number) => number;
  /** How many 429s in a row one call survives; default 5. */
  maxRateLimitRetries?: number;
}

export interface Poster {
  /** Posts the replies (one message per reply); throws when Slack refuses one. */
  post(target: ReplyTarget, replies: Reply[]): Promise<void>;
  /** Shows `replies` on the user's App Home tab. */
  publishHome(userId: string, replies: Reply[]): Promise<void>;
  /** Resolves when every queued message has been sent (or failed). */
  idle(): Promise<void>;
}

/** Slack's answers that no retry can fix: the channel or user is gone, archived, or the bot is not in it. */
const UNDELIVERABLE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_not_found', 'user_disabled', 'cannot_dm_bot']);

export function isUndeliverable(err: unknown): boolean {
  const e = err as { code?: string; data?: { error?: string } } | null;
  return e?.code === webApi.ErrorCode.PlatformError && UNDELIVERABLE.has(e.data?.error ?? '');
}

function isRateLimited(err: unknown): err is { code: string; retryAfter?: number } {
  return (err as { code?: string } | null)?.code === webApi.ErrorCode.RateLimitedError;
}

export function createPoster(opts: PosterOptions): Poster {
  const { client, logger } = opts;
  const spacingMs = opts.spacingMs ?? 1_100;
  const delayFor = opts.rateLimitDelayMs ?? ((s: number) => s * 1_000);
  const maxRetries = opts.maxRateLimitRetries ?? 5;
  const lanes = createLanes();
  const lastSent = new Map<string, number>();

  /** Calls `fn`; on a 429 waits Retry-After and calls again. */
  async function retryingRateLimits<T>(method: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (!isRateLimited(err) || attempt > maxRetries) throw err;
        const retryAfter = err.retryAfter ?? 1;
        logger.warn({ method, retryAfter, attempt }, 'Slack rate limit (429): waiting Retry-After, then retrying');
        await sleep(delayFor(retryAfter));
      }
    }
  }

  /** Runs `fn` in the channel's lane, at least `spacingMs` after the channel's previous message. */
  function paced<T>(channel: string, fn: () => Promise<T>): Promise<T> {
    return lanes.run(channel, async () => {
      const wait = (lastSent.get(channel) ?? 0) + spacingMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await fn();
      } finally {
        lastSent.set(channel, Date.now());
        if (lastSent.size > 1_000) {
          const old = Date.now() - spacingMs;
          for (const [c, t] of lastSent) if (t < old) lastSent.delete(c);
        }
      }
    });
  }

  async function toChannel(channel: string, threadTs: string | undefined, message: SlackMessage): Promise<void> {
    await paced(channel, () =>
      retryingRateLimits('chat.postMessage', () =>
        client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
        }),
      ),
    );
  }

  async function toResponseUrl(url: string, message: SlackMessage): Promise<void> {
    await retryingRateLimits('response_url', async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }),
      });
      if (res.status === 429) {
        throw Object.assign(new Error('response_url rate limited'), {
          code: webApi.ErrorCode.RateLimitedError,
          retryAfter: Number.parseInt(res.headers.get('retry-after') ?? '1', 10) || 1,
        });
      }
      if (!res.ok) throw new Error(`response_url answered ${res.status}`);
    });
  }

  return {
    async post(target, replies) {
      for (const message of renderMessages(replies)) {
        if (target.kind === 'channel') await toChannel(target.channel, target.threadTs, message);
        else await toResponseUrl(target.url, message);
      }
    },
    async publishHome(userId, replies) {
      const view = renderHomeView(replies);
      await retryingRateLimits('views.publish', () => client.views.publish({ user_id: userId, view }));
    },
    idle: () => lanes.idle(),
  };
}
