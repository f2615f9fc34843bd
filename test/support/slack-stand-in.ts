/**
 * A local stand-in for the Slack Web API (and for response_url hooks), for tests: the real Bolt
 * WebClient talks HTTP to it. It records every call, answers auth.test, chat.postMessage,
 * chat.update, views.publish and users.info the way Slack does, and can answer the next N calls
 * with 429 + Retry-After. `waitFor` resolves as soon as a matching call arrives (bounded).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STAND_IN_BOT_USER_ID = 'U0BOT';
export const STAND_IN_BOT_ID = 'B0BOT';
export const STAND_IN_TEAM_ID = 'T0TEAM';

export interface SlackCall {
  /** Web API method ("chat.postMessage"), or "response_url" for a POST to a response URL. */
  method: string;
  /** The call's arguments; JSON-valued ones (blocks, view) parsed. */
  params: Record<string, any>;
  /** For response_url calls: the hook's id (the last path segment). */
  hook?: string;
  /** Answered 429 instead of doing anything. */
  rateLimited: boolean;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface StandInUser {
  name: string;
  real_name?: string;
  display_name?: string;
}

export interface SlackStandIn {
  /** The Web API base to configure (SLACK_API_URL / slackApiUrl), ending in "/". */
  apiUrl: string;
  /** What apps.connections.open hands out (Socket Mode): the test's WebSocket server. */
  socketUrl?: string;
  calls: SlackCall[];
  /** Who users.info knows, by user id. */
  users: Map<string, StandInUser>;
  /** A response_url pointing at this stand-in. */
  responseUrl(hook: string): string;
  /** The next `n` Web API calls (of `method`, if given) are answered 429 with Retry-After. */
  rateLimitNext(n: number, retryAfterSeconds: number, method?: string): void;
  /** The successful calls of a method (429-answered ones left out). */
  callsTo(method: string): SlackCall[];
  /** Resolves with the first recorded call (past or future) matching; rejects after `timeoutMs`. */
  waitFor(match: string | ((call: SlackCall) => boolean), timeoutMs?: number): Promise<SlackCall>;
  close(): Promise<void>;
}

const JSON_PARAMS = new Set(['blocks', 'attachments', 'view', 'metadata']);

function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, any>;
  const params: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = JSON_PARAMS.has(key) ? JSON.parse(value) : value;
  }
  return params;
}

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: SlackCall[] = [];
  const users = new Map<string, StandInUser>();
  const waiters = new Set<{ match: (c: SlackCall) => boolean; resolve: (c: SlackCall) => void }>();
  let limited: { left: number; retryAfter: number; method?: string } | null = null;
  let ts = 1_800_000_000;
  let views = 0;

  function record(call: SlackCall): void {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.match(call)) {
        waiters.delete(w);
        w.resolve(call);
      }
    }
  }

  function answer(method: string, p: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://stand-in.slack.com/', team: 'Stand-in', user: 'salesbot', team_id: STAND_IN_TEAM_ID, user_id: STAND_IN_BOT_USER_ID, bot_id: STAND_IN_BOT_ID };
      case 'chat.postMessage': {
        if (!p.channel) return { ok: false, error: 'channel_not_found' };
        if (!p.text && !p.blocks) return { ok: false, error: 'no_text' };
        if (Array.isArray(p.blocks) && p.blocks.length > 50) return { ok: false, error: 'invalid_blocks' };
        ts += 1;
        const messageTs = `${ts}.000100`;
        return {
          ok: true,
          channel: p.channel,
          ts: messageTs,
          message: { type: 'message', subtype: 'bot_message', text: p.text, user: STAND_IN_BOT_USER_ID, bot_id: STAND_IN_BOT_ID, ts: messageTs, blocks: p.blocks, ...(p.thread_ts ? { thread_ts: p.thread_ts } : {}) },
        };
      }
      case 'chat.update':
        if (!p.channel || !p.ts) return { ok: false, error: 'message_not_found' };
        return { ok: true, channel: p.channel, ts: p.ts, text: p.text ?? '', message: { text: p.text, blocks: p.blocks } };
      case 'views.publish': {
        if (!p.user_id || !p.view) return { ok: false, error: 'invalid_arguments' };
        if (p.view.type !== 'home' || (p.view.blocks?.length ?? 0) > 100) return { ok: false, error: 'invalid_arguments' };
        views += 1;
        return { ok: true, view: { id: `V${views}`, team_id: STAND_IN_TEAM_ID, type: 'home', blocks: p.view.blocks, app_id: 'A0APP', bot_id: STAND_IN_BOT_ID } };
      }
      case 'users.info': {
        const user = users.get(String(p.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id: p.user, team_id: STAND_IN_TEAM_ID, name: user.name, real_name: user.real_name ?? user.name, profile: { display_name: user.display_name ?? '', real_name: user.real_name ?? user.name } },
        };
      }
      case 'apps.connections.open':
        return standIn.socketUrl ? { ok: true, url: standIn.socketUrl } : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));

    const hook = path.match(/^\/hooks\/([^/]+)$/)?.[1];
    if (hook && req.method === 'POST') {
      record({ method: 'response_url', hook, params: parseBody(raw, req.headers['content-type']), rateLimited: false, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.match(/^\/api\/([\w.]+)$/)?.[1];
    if (!method || req.method !== 'POST') {
      json(404, { ok: false, error: 'not_found' });
      return;
    }
    const params = parseBody(raw, req.headers['content-type']);
    if (limited && limited.left > 0 && (!limited.method || limited.method === method)) {
      limited.left -= 1;
      const retryAfter = limited.retryAfter;
      if (limited.left === 0) limited = null;
      record({ method, params, rateLimited: true, at: Date.now() });
      json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      return;
    }
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? params.token;
    record({ method, params, rateLimited: false, at: Date.now() });
    if (!token) {
      json(200, { ok: false, error: 'not_authed' });
      return;
    }
    json(200, answer(method, params));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const standIn: SlackStandIn = {
    apiUrl: `${base}/api/`,
    calls,
    users,
    responseUrl: (hook) => `${base}/hooks/${hook}`,
    rateLimitNext(n, retryAfterSeconds, method) {
      limited = { left: n, retryAfter: retryAfterSeconds, method };
    },
    callsTo: (method) => calls.filter((c) => c.method === method && !c.rateLimited),
    waitFor(match, timeoutMs = 5_000) {
      const test = typeof match === 'string' ? (c: SlackCall) => c.method === match && !c.rateLimited : match;
      const seen = calls.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise<SlackCall>((resolve, reject) => {
        const waiter = {
          match: test,
          resolve: (c: SlackCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const got = calls.map((c) => `${c.method}${c.rateLimited ? ' (429)' : ''}`).join(', ') || 'none';
          reject(new Error(`the Slack stand-in did not get the expected call within ${timeoutMs} ms (calls so far: ${got})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}
