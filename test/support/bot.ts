/**
 * The real bot (core + store) on a fresh test database, with a manual clock and a logger whose
 * lines the test can read.
 */
import { ManualClock } from '../../core/clock.ts';
import type { IncomingMessage } from '../../core/message.ts';
import type { LlmPort } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { replyText } from '../../core/reply.ts';
import { createBot } from '../../core/features.ts';
import type { Core } from '../../core/router.ts';
import { captureLogs } from './log-capture.ts';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './db.ts';

export interface TestBot {
  core: Core;
  database: TestDatabase;
  clock: ManualClock;
  logs: Array<Record<string, unknown>>;
  /** Sends text as a console user (default "alice") in a private chat; returns the replies' text. */
  say(text: string, from?: Partial<IncomingMessage>): Promise<string>;
  send(msg: Partial<IncomingMessage> & { text: string }): Promise<Reply[]>;
  close(): Promise<void>;
}

export async function createTestBot(kind: DatabaseKind, opts: { now?: string; llm?: LlmPort } = {}): Promise<TestBot> {
  const database = await openTestDatabase(kind);
  const clock = new ManualClock(opts.now ?? '2026-11-23T10:00:00+08:00');
  const { logger, logs } = captureLogs();
  const core = createBot({
    store: database.store,
    clock,
    logger,
    llm: opts.llm,
    defaults: { teamName: '默认团队', timezone: 'Asia/Shanghai', lang: 'zh' },
  });
  const send = (msg: Partial<IncomingMessage> & { text: string }) =>
    core.handle({
      platform: 'console',
      platformUserId: 'alice',
      userName: 'alice',
      chatId: 'console:alice',
      chatType: 'direct',
      ...msg,
    });
  return {
    core,
    database,
    clock,
    logs,
    send,
    async say(text, from = {}) {
      const replies = await send({ ...from, text });
      return replies.map(replyText).join('\n');
    },
    close: () => database.close(),
  };
}
