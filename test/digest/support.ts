/** The real bot with the digest feature plugged in, on a fresh test database and a manual clock. */
import { createLogger } from '../../bot/logger.ts';
import { ManualClock } from '../../core/clock.ts';
import { createBot } from '../../core/features.ts';
import type { IncomingMessage } from '../../core/message.ts';
import { type Reply, replyText } from '../../core/reply.ts';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from '../support/db.ts';
import { Writable } from 'node:stream';

export interface DigestBot {
  database: TestDatabase;
  clock: ManualClock;
  send(msg: Partial<IncomingMessage> & { text: string }): Promise<Reply[]>;
  /** Text sent by `who` (a console user id) in a private chat, or in `chat`. */
  say(who: string, text: string, chat?: Partial<IncomingMessage>): Promise<string>;
  close(): Promise<void>;
}

export async function digestBot(kind: DatabaseKind, now: string): Promise<DigestBot> {
  const database = await openTestDatabase(kind);
  const clock = new ManualClock(now);
  const logger = createLogger('warn', new Writable({ write: (_c, _e, done) => done() }));
  const core = createBot({ store: database.store, clock, logger, defaults: { teamName: '默认团队', timezone: 'Asia/Shanghai', lang: 'zh' } });
  const send = (msg: Partial<IncomingMessage> & { text: string }) =>
    core.handle({ platform: 'console', platformUserId: 'alice', userName: 'alice', chatId: 'console:alice', chatType: 'direct', ...msg });
  return {
    database,
    clock,
    send,
    async say(who, text, chat = {}) {
      const replies = await send({ platformUserId: who, userName: who, chatId: `console:${who}`, ...chat, text });
      return replies.map(replyText).join('\n');
    },
    close: () => database.close(),
  };
}
