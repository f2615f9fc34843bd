/**
 * The Slack adapter: wiring only. Transport (transport.ts: HTTP events on the shared server, or
 * Socket Mode) → listeners (listeners.ts: payload → core message, ack first) → core → poster
 * (poster.ts: Block Kit, per-channel spacing, 429 retries). The outbox is delivered by the shared
 * dispatcher through the same poster.
 */
import { webApi } from '@slack/bolt';
import type { AdapterDeps, ChatAdapter } from '../adapter.ts';
import type { SlackConfig } from '../config.ts';
import { createDispatcher, type Dispatcher } from '../outbox-dispatcher.ts';
import { boltLogger } from './bolt-logger.ts';
import { createLanes } from './lanes.ts';
import { registerListeners } from './listeners.ts';
import { createPoster, isUndeliverable } from './poster.ts';
import { createTransport, type SlackTransport } from './transport.ts';
import { createUserNames } from './users.ts';

export interface SlackAdapterOptions {
  /** The bot's identity; when both are given no auth.test is made at start-up. */
  botUserId?: string;
  botId?: string;
  /** Retries of failed HTTP calls to the Web API (not 429s: those are always waited out). */
  retryConfig?: webApi.RetryOptions;
  /** Least time between two messages to one channel (default 1100 ms). */
  spacingMs?: number;
  /** Wait for a 429 with Retry-After `seconds` (default: exactly that). */
  rateLimitDelayMs?: (seconds: number) => number;
  /** How often the outbox is polled (default 1 s). */
  outboxPollMs?: number;
}

/** Three quick retries: a reply should not wait half an hour (the WebClient's default policy). */
const DEFAULT_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 10_000 };

export function createSlackAdapter(deps: AdapterDeps, config: SlackConfig, options: SlackAdapterOptions = {}): ChatAdapter {
  const { core, store, logger, clock } = deps;
  const slackLogger = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: options.retryConfig ?? DEFAULT_RETRY,
    // A 429 comes back to us as an error; the poster waits Retry-After and retries it.
    rejectRateLimitedCalls: true,
    logger: slackLogger,
  };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  const poster = createPoster({ client, logger, spacingMs: options.spacingMs, rateLimitDelayMs: options.rateLimitDelayMs });
  const inFlight = new Set<Promise<unknown>>();
  let transport: SlackTransport | undefined;
  let dispatcher: Dispatcher | undefined;

  async function identity(): Promise<{ botId: string; botUserId: string }> {
    if (options.botId && options.botUserId) return { botId: options.botId, botUserId: options.botUserId };
    const auth = await client.auth.test().catch((err: Error) => {
      throw new Error(`Slack did not accept SLACK_BOT_TOKEN (auth.test: ${err.message})`);
    });
    if (!auth.user_id || !auth.bot_id) throw new Error('Slack auth.test did not say who the bot is: is SLACK_BOT_TOKEN a bot token (xoxb-)?');
    return { botId: auth.bot_id, botUserId: auth.user_id };
  }

  return {
    platform: 'slack',
    async start() {
      if (transport) return;
      const { botId, botUserId } = await identity();
      transport = createTransport({
        config,
        http: deps.http,
        logger: slackLogger,
        clientOptions,
        botId,
        botUserId,
        onError: (err) => logger.warn({ err: (err as Error).message }, 'slack: request not served'),
      });
      registerListeners(transport.app, {
        core,
        logger,
        poster,
        names: createUserNames(client, store, logger),
        chats: createLanes(),
        botUserId,
        track(work) {
          inFlight.add(work);
          const done = () => inFlight.delete(work);
          void work.then(done, done);
        },
      });
      await transport.start();
      dispatcher = createDispatcher({
        platform: 'slack',
        queue: store.outbox,
        clock,
        logger,
        send: (message) => poster.post({ kind: 'channel', channel: message.chatId }, message.replies),
        isPermanent: isUndeliverable,
        pollMs: options.outboxPollMs,
      });
      dispatcher.start();
      logger.info({ mode: transport.mode, botUserId }, 'slack adapter started');
    },
    async stop() {
      await transport?.stop();
      await dispatcher?.stop();
      while (inFlight.size) await Promise.allSettled([...inFlight]);
      await poster.idle();
      transport = undefined;
      dispatcher = undefined;
    },
  };
}
