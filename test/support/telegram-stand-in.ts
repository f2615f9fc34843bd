/**
 * A local stand-in for the Telegram Bot API: real grammY talks HTTP to it (apiRoot). It answers
 * the methods the adapter uses, records every call, serves queued updates to getUpdates (holding
 * the request open up to its `timeout`, like Telegram), and can answer the next N calls of a method
 * with a 429 and `retry_after`. Tests wait for calls with `waitFor`, which resolves as soon as the
 * call arrives (bounded by a timeout), never by sleeping.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackQuery, Chat, Message, MessageEntity, Update, User } from 'grammy/types';

export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  /** The HTTP status the stand-in answered with. */
  status: number;
  at: number;
}

interface HeldPoll {
  res: ServerResponse;
  offset: number;
  limit: number;
  timer: NodeJS.Timeout;
}

export interface TelegramStandIn {
  /** For grammY's `client.apiRoot` (TELEGRAM_API_ROOT). */
  apiRoot: string;
  token: string;
  bot: User & { username: string };
  calls: RecordedCall[];
  /** Successful calls of a method, in order. */
  callsTo(method: string): RecordedCall[];
  /** Queues an update for getUpdates; returns its update_id (assigned unless given). */
  queueUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): number;
  /** Answers the next `times` calls of `method` with 429 Too Many Requests, retry_after seconds. */
  rateLimit(method: string, times: number, retryAfter: number): void;
  /** Answers the next `times` calls of `method` with an error status (e.g. 500, 403). */
  fail(method: string, times: number, status: number): void;
  /**
   * Resolves with the nth (default: first) successful call of `method` matching `where`, as soon
   * as it has been recorded; rejects after `timeoutMs`.
   */
  waitFor(method: string, opts?: { where?: (payload: Record<string, any>) => boolean; nth?: number; timeoutMs?: number }): Promise<RecordedCall>;
  close(): Promise<void>;
}

export async function startTelegramStandIn(opts: { token?: string; username?: string } = {}): Promise<TelegramStandIn> {
  const token = opts.token ?? '123456789:TEST_stand-in_token_abcdefghij';
  const bot = { id: Number(token.split(':')[0]), is_bot: true as const, first_name: 'Salesbot', username: opts.username ?? 'salesbot_test_bot' };
  const calls: RecordedCall[] = [];
  const queue: Update[] = [];
  const held = new Set<HeldPoll>();
  const limited = new Map<string, { times: number; status: number; retryAfter?: number }>();
  const listeners = new Set<() => void>();
  let nextUpdateId = 1000;
  let nextMessageId = 1;
  let closed = false;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const ok = (res: ServerResponse, result: unknown) => json(res, 200, { ok: true, result });
  const record = (method: string, payload: Record<string, any>, status: number) => {
    calls.push({ method, payload, status, at: Date.now() });
    for (const l of [...listeners]) l();
  };

  const pending = (offset: number, limit: number) => queue.filter((u) => u.update_id >= offset).slice(0, limit);
  const releaseHeld = () => {
    for (const poll of [...held]) {
      const updates = pending(poll.offset, poll.limit);
      if (!updates.length && !closed) continue;
      clearTimeout(poll.timer);
      held.delete(poll);
      ok(poll.res, updates);
    }
  };

  const sentMessage = (payload: Record<string, any>): Message =>
    ({
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(payload.chat_id), type: Number(payload.chat_id) < 0 ? 'group' : 'private', title: 'chat' },
      from: bot,
      text: payload.text,
    }) as Message;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (!m || m[1] !== token) {
      json(res, m ? 401 : 404, { ok: false, error_code: m ? 401 : 404, description: m ? 'Unauthorized' : 'Not Found' });
      return;
    }
    const method = m[2]!;
    const payload = (body ? JSON.parse(body) : {}) as Record<string, any>;

    const limit = limited.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      record(method, payload, limit.status);
      if (limit.retryAfter === undefined) {
        json(res, limit.status, { ok: false, error_code: limit.status, description: `stand-in error ${limit.status}` });
        return;
      }
      json(res, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${limit.retryAfter}`,
        parameters: { retry_after: limit.retryAfter },
      });
      return;
    }
    record(method, payload, 200);

    switch (method) {
      case 'getMe':
        return ok(res, { ...bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
      case 'answerCallbackQuery':
        return ok(res, true);
      case 'sendMessage':
        return ok(res, sentMessage(payload));
      case 'editMessageText':
        return ok(res, { ...sentMessage(payload), message_id: payload.message_id, edit_date: Math.floor(Date.now() / 1000) });
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0);
        const max = Number(payload.limit ?? 100);
        // Asking from `offset` confirms every update before it, as on Telegram.
        if (offset) for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.update_id < offset) queue.splice(i, 1);
        const updates = pending(offset, max);
        const timeout = Number(payload.timeout ?? 0);
        if (updates.length || timeout <= 0 || closed) return ok(res, updates);
        const poll: HeldPoll = {
          res,
          offset,
          limit: max,
          timer: setTimeout(() => {
            held.delete(poll);
            ok(res, []);
          }, timeout * 1000),
        };
        held.add(poll);
        res.once('close', () => {
          clearTimeout(poll.timer);
          held.delete(poll);
        });
        return;
      }
      default:
        json(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const standIn: TelegramStandIn = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method && c.status === 200),
    queueUpdate(update) {
      const full = { ...update, update_id: update.update_id ?? nextUpdateId++ } as Update;
      queue.push(full);
      releaseHeld();
      return full.update_id;
    },
    rateLimit(method, times, retryAfter) {
      limited.set(method, { times, status: 429, retryAfter });
    },
    fail(method, times, status) {
      limited.set(method, { times, status });
    },
    waitFor(method, { where = () => true, nth = 1, timeoutMs = 10_000 } = {}) {
      const find = () => standIn.callsTo(method).filter((c) => where(c.payload))[nth - 1];
      const found = find();
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const listener = () => {
          const call = find();
          if (!call) return;
          listeners.delete(listener);
          clearTimeout(timer);
          resolve(call);
        };
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no ${method} call #${nth} within ${timeoutMs} ms; calls so far: ${calls.map((c) => `${c.method}(${c.status})`).join(', ')}`));
        }, timeoutMs);
        listeners.add(listener);
      });
    },
    async close() {
      closed = true;
      releaseHeld();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}

// ---- Update builders -------------------------------------------------------------------------

export const privateChat = (user: User): Chat.PrivateChat => ({ id: user.id, type: 'private', first_name: user.first_name });
export const groupChat = (id = -100200300, title = '销售一组'): Chat.SupergroupChat => ({ id, type: 'supergroup', title });

export function user(id: number, first_name: string, username?: string): User {
  return { id, is_bot: false, first_name, ...(username ? { username } : {}) };
}

let messageIds = 5000;

/** A text message update; a leading /command and any @mentions get their entities, as Telegram sends them. */
export function textMessage(from: User, text: string, opts: { chat?: Chat; date?: Date; replyTo?: Message } = {}): Omit<Update, 'update_id'> {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@[A-Za-z0-9_]{5,}/g)) {
    if (command && m.index! < command[0].length) continue;
    entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
  }
  const message = {
    message_id: messageIds++,
    date: Math.floor((opts.date ?? new Date()).getTime() / 1000),
    chat: opts.chat ?? privateChat(from),
    from,
    text,
    ...(entities.length ? { entities } : {}),
    ...(opts.replyTo ? { reply_to_message: opts.replyTo } : {}),
  };
  return { message } as Omit<Update, 'update_id'>;
}

/** A button tap on a message the bot sent (as recorded by the stand-in). */
export function callbackQuery(from: User, data: string, message: { chatId: number; messageId: number; chat?: Chat }): Omit<Update, 'update_id'> {
  const query: CallbackQuery = {
    id: `cb-${messageIds++}`,
    from,
    chat_instance: 'ci-1',
    data,
    message: {
      message_id: message.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: message.chat ?? ({ id: message.chatId, type: 'private', first_name: from.first_name } as Chat.PrivateChat),
      text: '…',
    } as Message,
  };
  return { callback_query: query };
}
