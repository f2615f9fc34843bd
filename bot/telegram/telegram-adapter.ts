/**
 * The Telegram adapter: grammY wiring only. Long polling by default; webhook mode (a route on the
 * shared HTTP server, checked against the secret token) when a webhook URL is configured. Updates
 * become core messages (updates.ts), replies become HTML messages (send.ts), and this platform's
 * outbox is delivered by a dispatcher through the same sender.
 */
import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http';
import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry';
import { Bot, GrammyError, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import type { Reply } from '../../core/reply.ts';
import type { AdapterDeps, ChatAdapter } from '../adapter.ts';
import type { TelegramConfig } from '../config.ts';
import { createDispatcher, type Dispatcher } from '../outbox-dispatcher.ts';
import { commandMenus } from './commands.ts';
import { createSendLimiter, type SendLimiterOptions } from './rate-limit.ts';
import { createSender, isUndeliverable, type SendOptions } from './send.ts';
import { ALLOWED_UPDATES, toIncomingMessage } from './updates.ts';

/** Knobs for tests and tuning; production uses the defaults. */
export interface TelegramAdapterOptions {
  /** getUpdates long-poll timeout (seconds). */
  pollingTimeoutSeconds?: number;
  /** How often the outbox is checked. */
  outboxPollMs?: number;
  limits?: SendLimiterOptions;
  autoRetry?: Partial<AutoRetryOptions>;
}

export function createTelegramAdapter(deps: AdapterDeps, config: TelegramConfig, options: TelegramAdapterOptions = {}): ChatAdapter {
  const { core, store, logger, clock, http } = deps;
  const bot = new Bot(config.token, config.apiRoot ? { client: { apiRoot: config.apiRoot.replace(/\/+$/, '') } } : {});
  // 429s are waited out (retry_after honoured, however long) and retried. Network errors and 5xx
  // are rethrown rather than retried in place (which would stall the update loop and shutdown):
  // polling retries by itself, the outbox retries with backoff, and an answer that could not be
  // sent is queued in the outbox.
  bot.api.config.use(autoRetry({ rethrowHttpErrors: true, rethrowInternalServerErrors: true, ...options.autoRetry }));
  const send = createSender(bot.api, createSendLimiter(options.limits), logger);
  const inFlight = new Set<Promise<void>>();
  let dispatcher: Dispatcher | undefined;
  let polling: Promise<void> | undefined;
  let stopped = false;

  /** Answers a user; what cannot be sent now (network, Telegram down) is queued in the outbox. */
  async function answer(chatId: string, replies: Reply[], opts: SendOptions): Promise<void> {
    for (const [i, reply] of replies.entries()) {
      try {
        await send(chatId, [reply], i === 0 ? opts : { spaceChat: opts.spaceChat });
      } catch (err) {
        const permanent = err instanceof GrammyError && err.error_code >= 400 && err.error_code < 500 && err.error_code !== 429;
        if (permanent) {
          // Blocked by the user, chat gone, bad request: retrying would not help.
          logger.warn({ err: (err as Error).message, platform: 'telegram', chatId }, 'could not answer on Telegram');
          continue;
        }
        logger.warn({ err: (err as Error).message, platform: 'telegram', chatId }, 'answer not sent; queued in the outbox');
        await store.outbox.send({ platform: 'telegram', chatId }, replies.slice(i), { notBefore: clock.now() });
        return;
      }
    }
  }

  async function handleUpdate(update: Update): Promise<void> {
    const query = update.callback_query;
    if (query) {
      // Stop the button's spinner first; a redelivered tap was already answered, hence the catch.
      await bot.api.answerCallbackQuery(query.id).catch((err) => logger.debug({ err: (err as Error).message }, 'answerCallbackQuery failed'));
    }
    const msg = toIncomingMessage(update, { id: bot.botInfo.id, username: bot.botInfo.username });
    if (!msg) return;
    const replies = await core.handle(msg);
    if (!replies.length) return;
    const replyTo = msg.chatType === 'group' && !msg.action && update.message ? update.message.message_id : undefined;
    await answer(msg.chatId, replies, { spaceChat: false, replyTo });
  }

  bot.use(async (ctx) => {
    const work = handleUpdate(ctx.update);
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  // Without this grammY stops polling on the first error.
  bot.catch((err) => logger.error({ err: err.error, platform: 'telegram', updateId: err.ctx.update.update_id }, 'Telegram update failed'));

  async function publishCommands(): Promise<void> {
    for (const menu of commandMenus(core.commands)) {
      await bot.api
        .setMyCommands(menu.commands, menu.language_code ? { language_code: menu.language_code } : {})
        .catch((err) => logger.warn({ err: (err as Error).message, lang: menu.language_code ?? 'default' }, 'setMyCommands failed'));
    }
  }

  async function startWebhook(url: string, secret: string | undefined): Promise<void> {
    if (!secret) throw new Error('TELEGRAM_WEBHOOK_SECRET is needed in webhook mode');
    // onTimeout 'return': a slow update (a long 429 wait) is acknowledged and finishes in the background.
    const callback = webhookCallback(bot, 'http', { secretToken: secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
    http.route(new URL(url).pathname, async (req: HttpRequest, res: ServerResponse) => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      if (stopped) {
        res.writeHead(503).end(); // Telegram retries; another instance (or this one, restarted) takes it
        return;
      }
      await callback(req, res);
    });
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  }

  async function startPolling(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      polling = bot.start({
        allowed_updates: [...ALLOWED_UPDATES],
        timeout: options.pollingTimeoutSeconds ?? 30,
        onStart: () => resolve(),
      });
      polling.then(resolve, reject); // ended (or failed) before it started
    });
    polling?.catch((err) => logger.error({ err, platform: 'telegram' }, 'Telegram long polling stopped'));
  }

  return {
    platform: 'telegram',
    async start() {
      stopped = false;
      await bot.init();
      await publishCommands();
      if (config.webhookUrl) await startWebhook(config.webhookUrl, config.webhookSecret);
      else await startPolling();
      dispatcher = createDispatcher({
        platform: 'telegram',
        queue: store.outbox,
        clock,
        logger,
        send: (message) => send(message.chatId, message.replies),
        isPermanent: isUndeliverable,
        pollMs: options.outboxPollMs,
      });
      dispatcher.start();
      logger.info({ bot: bot.botInfo.username, mode: config.webhookUrl ? 'webhook' : 'polling' }, 'Telegram adapter started');
    },
    async stop() {
      stopped = true;
      await dispatcher?.stop();
      if (polling) {
        await bot.stop().catch((err) => logger.warn({ err: (err as Error).message }, 'Telegram: could not confirm the last update'));
        await polling.catch(() => undefined);
        polling = undefined;
      }
      await Promise.allSettled([...inFlight]);
    },
  };
}
