/**
 * The shipped bot (call scripts included) on a fresh test database with a knowledge base, a
 * manual clock and readable logs.
 */
import { captureLogs } from '../support/log-capture.ts';
import { ManualClock } from '../../core/clock.ts';
import { createBot } from '../../core/features.ts';
import { readKbFolder } from '../../core/kb/folder.ts';
import { importArticles } from '../../core/knowledge/import.ts';
import type { IncomingMessage } from '../../core/message.ts';
import type { LlmPort } from '../../core/ports.ts';
import type { CustomerRecord } from '../../core/records.ts';
import { buttonsOf, type Reply, replyText } from '../../core/reply.ts';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from '../support/db.ts';

export const DEMO_KB = new URL('../../kb/', import.meta.url).pathname;
export const DEV_KB = new URL('../../../shared/datasets/dev/kb/', import.meta.url).pathname;

export type From = Partial<IncomingMessage>;
export const alice: From = { platformUserId: 'alice', userName: 'alice', chatId: 'console:alice' };
export const boss: From = { platformUserId: 'boss', userName: 'boss', chatId: 'console:boss' };
export const bob: From = { platformUserId: 'bob', userName: 'bob', chatId: 'console:bob' };

export interface ScriptBot {
  database: TestDatabase;
  clock: ManualClock;
  logs: Array<Record<string, unknown>>;
  send(text: string, from?: From): Promise<Reply[]>;
  say(text: string, from?: From): Promise<string>;
  tap(reply: Reply, action: string, from?: From, match?: (label: string) => boolean): Promise<Reply[]>;
  userId(name: string): Promise<number>;
  customer(name: string, fields?: Partial<CustomerRecord>, owner?: string): Promise<CustomerRecord>;
  close(): Promise<void>;
}

export async function scriptBot(kind: DatabaseKind, opts: { kb?: string; llm?: LlmPort; now?: string } = {}): Promise<ScriptBot> {
  const database = await openTestDatabase(kind);
  const clock = new ManualClock(opts.now ?? '2026-11-23T10:00:00+08:00');
  const { logger, logs } = captureLogs();
  const store = database.store;
  const core = createBot({ store, clock, logger, llm: opts.llm, defaults: { teamName: '默认团队', timezone: 'Asia/Shanghai', lang: 'zh' } });
  await importArticles(store, await readKbFolder(opts.kb ?? DEMO_KB));
  const send = (text: string, from: From = alice, action?: IncomingMessage['action']) =>
    core.handle({ platform: 'console', platformUserId: 'alice', userName: 'alice', chatId: 'console:alice', chatType: 'direct', ...from, text, action });
  // The first user is admin and manager of the default team; the others are reps.
  await send('/me', boss);
  await send('/me', alice);
  const userId = async (name: string) => (await store.users.findByIdentity('console', name))!.id;
  return {
    database,
    clock,
    logs,
    send: (text, from) => send(text, from),
    say: async (text, from) => (await send(text, from)).map(replyText).join('\n'),
    tap(reply, action, from = alice, match = () => true) {
      const button = buttonsOf(reply).find((b) => b.action === action && match(b.label));
      if (!button) throw new Error(`no ${action} button in: ${replyText(reply)}`);
      return send(button.label, from, { name: button.action, value: button.value });
    },
    userId,
    async customer(name, fields = {}, owner = 'alice') {
      const team = (await store.teams.getDefault())!;
      return store.customers.create({ teamId: team.id, ownerId: await userId(owner), name, ...fields });
    },
    close: () => database.close(),
  };
}
