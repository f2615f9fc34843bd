/**
 * The real Telegram adapter (grammY) on the real core and a real test database, talking HTTP to
 * the Bot API stand-in; in webhook mode also behind the real shared HTTP server.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger.ts';
import { createHttpServer, type HttpServer } from '../../bot/http-server.ts';
import type { ChatAdapter } from '../../bot/adapter.ts';
import { createTelegramAdapter } from '../../bot/telegram/telegram-adapter.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';
import type { DatabaseKind } from '../support/db.ts';
import { startTelegramStandIn, textMessage, type TelegramStandIn } from '../support/telegram-stand-in.ts';
import type { User } from 'grammy/types';

export const WEBHOOK_SECRET = 'test-webhook-secret_123';

export interface TelegramHarness {
  bot: TestBot;
  standIn: TelegramStandIn;
  adapter: ChatAdapter;
  http: HttpServer;
  /** The adapter's log lines. */
  logs: Array<Record<string, unknown>>;
  /** Set in webhook mode: where the shared server listens. */
  webhookUrl?: string;
  /** A text message from `from` as Telegram would send it, dated by the test clock. */
  text(from: User, text: string, opts?: Parameters<typeof textMessage>[2]): ReturnType<typeof textMessage>;
  close(): Promise<void>;
}

export async function startTelegramHarness(kind: DatabaseKind, opts: { webhook?: boolean } = {}): Promise<TelegramHarness> {
  const bot = await createTestBot(kind, { now: '2026-11-23T10:00:00+08:00' });
  const standIn = await startTelegramStandIn();
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    }),
  );
  const http = createHttpServer((err) => logger.error({ err }, 'HTTP handler failed'));
  const path = '/telegram/webhook';
  const adapter = createTelegramAdapter(
    { core: bot.core, store: bot.database.store, logger, clock: bot.clock, http },
    {
      token: standIn.token,
      apiRoot: standIn.apiRoot,
      ...(opts.webhook ? { webhookUrl: `https://bot.example.com${path}`, webhookSecret: WEBHOOK_SECRET } : {}),
    },
    // Short long-polls and a quick outbox so tests finish fast; the limiter still spaces sends.
    { pollingTimeoutSeconds: 2, outboxPollMs: 20, limits: { perChatMs: 20 } },
  );
  await adapter.start();
  let webhookUrl: string | undefined;
  if (opts.webhook) webhookUrl = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}${path}`;
  return {
    bot,
    standIn,
    adapter,
    http,
    logs,
    webhookUrl,
    text: (from, text, o = {}) => textMessage(from, text, { date: bot.clock.now(), ...o }),
    async close() {
      await adapter.stop();
      if (http.used && webhookUrl) await http.close();
      await standIn.close();
      await bot.close();
    },
  };
}
