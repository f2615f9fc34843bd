/**
 * The Slack adapter under test: the real core on a real test database, the real adapter (Bolt)
 * on a shared HTTP server on port 0, and the Web API stand-in. Requests are signed like Slack
 * signs them (v0 HMAC-SHA256 of "v0:timestamp:body").
 */
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { count } from 'drizzle-orm';
import { activities } from '../../db/schema.ts';
import { createHttpServer, type HttpServer } from '../../bot/http-server.ts';
import { createLogger } from '../../bot/logger.ts';
import { createSlackAdapter } from '../../bot/slack/slack-adapter.ts';
import type { ChatAdapter } from '../../bot/adapter.ts';
import type { IncomingMessage } from '../../core/message.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';
import type { DatabaseKind } from '../support/db.ts';
import {
  STAND_IN_BOT_ID,
  STAND_IN_BOT_USER_ID,
  startSlackStandIn,
  type SlackCall,
  type SlackStandIn,
} from '../support/slack-stand-in.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT = STAND_IN_BOT_USER_ID;

export interface SignedPost {
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  retryNum?: number;
  /** Replaces the computed signature. */
  signature?: string;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackHarness {
  bot: TestBot;
  standIn: SlackStandIn;
  adapter: ChatAdapter;
  http: HttpServer;
  eventsUrl: string;
  /** The adapter's log lines. */
  logs: Array<Record<string, any>>;
  /** The Retry-After values the adapter waited for. */
  rateLimitWaits: number[];
  post(req: SignedPost): Promise<{ status: number; text: string }>;
  /** POSTs an Events API envelope around `event`. */
  event(event: Record<string, unknown>, opts?: { eventId?: string; retryNum?: number }): Promise<{ status: number; text: string }>;
  command(fields: Record<string, string>): Promise<{ status: number; text: string }>;
  interaction(payload: Record<string, unknown>): Promise<{ status: number; text: string }>;
  /** The next call of `method` after the `after`-th recorded call. */
  nextCall(method: string, after: number, match?: (c: SlackCall) => boolean): Promise<SlackCall>;
  /** Resolves when the adapter logged a line matching (bounded). */
  waitForLog(match: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** Activities in the database. */
  activityCount(): Promise<number>;
  /** Seconds-since-epoch ts of the bot's clock (what Slack stamps a message with). */
  ts(offsetSeconds?: number): string;
  close(): Promise<void>;
}

let eventCounter = 0;

export interface HarnessOptions {
  spacingMs?: number;
  /** The core waits for this before handling each message (a slow LLM, say). */
  coreGate?: () => Promise<void>;
}

export async function startSlackHarness(kind: DatabaseKind = 'pglite', opts: HarnessOptions = {}): Promise<SlackHarness> {
  const bot = await createTestBot(kind);
  const standIn = await startSlackStandIn();
  const logs: Array<Record<string, any>> = [];
  const logWaiters = new Set<{ match: (l: Record<string, any>) => boolean; resolve: (l: Record<string, any>) => void }>();
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, any>;
        logs.push(line);
        for (const w of [...logWaiters]) {
          if (w.match(line)) {
            logWaiters.delete(w);
            w.resolve(line);
          }
        }
      }
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const httpErrors: unknown[] = [];
  const http = createHttpServer((err) => httpErrors.push(err));
  const rateLimitWaits: number[] = [];
  const gate = opts.coreGate;
  const core = gate ? { ...bot.core, handle: async (msg: IncomingMessage) => (await gate(), bot.core.handle(msg)) } : bot.core;
  const adapter = createSlackAdapter(
    { core, store: bot.database.store, logger, clock: bot.clock, http },
    { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: standIn.apiUrl },
    {
      botUserId: STAND_IN_BOT_USER_ID,
      botId: STAND_IN_BOT_ID,
      // No retries of failed HTTP calls (an unreachable stand-in would hang a test for minutes).
      retryConfig: { retries: 0 },
      spacingMs: opts.spacingMs ?? 0,
      // 429s are still waited out and retried: Retry-After seconds become milliseconds here.
      rateLimitDelayMs: (seconds) => {
        rateLimitWaits.push(seconds);
        return seconds * 10;
      },
      outboxPollMs: 20,
    },
  );
  await adapter.start();
  const port = await http.listen(0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;

  async function post(req: SignedPost) {
    const timestamp = req.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': req.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': req.signature ?? sign(SIGNING_SECRET, timestamp, req.body),
    };
    if (req.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(req.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const res = await fetch(eventsUrl, { method: 'POST', headers, body: req.body });
    return { status: res.status, text: await res.text() };
  }

  const ts = (offsetSeconds = 0) => `${Math.floor(bot.clock.now().getTime() / 1000) + offsetSeconds}.000200`;

  return {
    bot,
    standIn,
    adapter,
    http,
    eventsUrl,
    logs,
    rateLimitWaits,
    post,
    event(event, o = {}) {
      const envelope = {
        token: 'legacy-verification-token',
        team_id: 'T0TEAM',
        api_app_id: 'A0APP',
        event: { event_ts: event.ts ?? ts(), ...event },
        type: 'event_callback',
        event_id: o.eventId ?? `Ev${Date.now()}${++eventCounter}`,
        event_time: Math.floor(bot.clock.now().getTime() / 1000),
        authorizations: [{ enterprise_id: null, team_id: 'T0TEAM', user_id: BOT, is_bot: true, is_enterprise_install: false }],
        is_ext_shared_channel: false,
      };
      return post({ body: JSON.stringify(envelope), contentType: 'application/json', retryNum: o.retryNum });
    },
    command(fields) {
      const body = new URLSearchParams({
        token: 'legacy-verification-token',
        team_id: 'T0TEAM',
        team_domain: 'standin',
        command: '/sales',
        api_app_id: 'A0APP',
        trigger_id: `trig.${Date.now()}.${++eventCounter}`,
        ...fields,
      }).toString();
      return post({ body, contentType: 'application/x-www-form-urlencoded' });
    },
    interaction(payload) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return post({ body, contentType: 'application/x-www-form-urlencoded' });
    },
    nextCall(method, after, match = () => true) {
      return standIn.waitFor((c) => c.method === method && !c.rateLimited && standIn.calls.indexOf(c) >= after && match(c));
    },
    waitForLog(match, timeoutMs = 5_000) {
      const seen = logs.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (l: Record<string, any>) => {
            clearTimeout(timer);
            resolve(l);
          },
        };
        const timer = setTimeout(() => {
          logWaiters.delete(waiter);
          reject(new Error(`no matching log line within ${timeoutMs} ms`));
        }, timeoutMs);
        logWaiters.add(waiter);
      });
    },
    async activityCount() {
      const [row] = await bot.database.db.select({ n: count() }).from(activities);
      return row?.n ?? 0;
    },
    ts,
    async close() {
      await adapter.stop();
      await http.close();
      await standIn.close();
      await bot.close();
      if (httpErrors.length) throw new Error(`HTTP handler errors: ${httpErrors.map(String).join('; ')}`);
    },
  };
}

/** The plain text of a posted message's blocks (sections and button labels). */
export function blocksText(call: SlackCall): string {
  const blocks = (call.params.blocks ?? call.params.view?.blocks ?? []) as Array<Record<string, any>>;
  return blocks
    .map((b) => (b.type === 'section' ? b.text.text : b.type === 'actions' ? b.elements.map((e: any) => `[${e.text.text}]`).join(' ') : ''))
    .join('\n');
}

export function buttonsOf(call: SlackCall): Array<{ action_id: string; value?: string; text: string; style?: string }> {
  const blocks = (call.params.blocks ?? call.params.view?.blocks ?? []) as Array<Record<string, any>>;
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements.map((e: any) => ({ action_id: e.action_id, value: e.value, text: e.text.text, style: e.style })));
}
