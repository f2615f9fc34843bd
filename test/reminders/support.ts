/**
 * Helpers for the reminder tests: a bot with a rep (alice) and an admin/manager (boss), the tick
 * at the clock's time, and each person's private inbox read from the outbox.
 */
import { buttonsOf, type Reply, replyText } from '../../core/reply.ts';
import { tick } from '../../core/reminders/tick.ts';
import type { FollowUpRecord } from '../../core/records.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';
import type { DatabaseKind } from '../support/db.ts';

export interface ReminderBot extends TestBot {
  /** One scheduler tick at the clock's current time. */
  tick(): ReturnType<typeof tick>;
  /** Messages waiting in the outbox for a console user's private chat (taken: each is read once). */
  inbox(user?: string): Promise<Reply[]>;
  /** The reminders (not agendas or nudges) in a user's inbox, as text. */
  reminders(user?: string): Promise<string[]>;
  tap(reply: Reply, action: string, from?: string): Promise<Reply[]>;
  aliceId(): Promise<number>;
  /** A follow-up for a new customer of alice's, due at `dueAt`. */
  followUp(dueAt: string, customer?: Partial<{ name: string; grade: 'A' | 'B' | 'C'; phone: string }>): Promise<FollowUpRecord>;
}

export async function reminderBot(kind: DatabaseKind, now: string): Promise<ReminderBot> {
  const bot = await createTestBot(kind, { now });
  await bot.say('/me', { platformUserId: 'boss', userName: 'boss', chatId: 'console:boss' }); // admin + manager
  await bot.say('/me'); // alice: a rep, reachable at console:alice
  const store = bot.database.store;
  const aliceId = async () => (await store.users.findByIdentity('console', 'alice'))!.id;
  const inbox = async (user = 'alice') => {
    const now = bot.clock.now();
    const due = await store.outbox.claimDue('console', now, new Date(now.getTime() + 60_000), 100, `console:${user}`);
    for (const m of due) await store.outbox.markSent(m.id, now);
    return due.flatMap((m) => m.replies);
  };
  return {
    ...bot,
    aliceId,
    inbox,
    tick: () => tick({ store, clock: bot.clock }),
    async reminders(user = 'alice') {
      return texts(await inbox(user)).filter((t) => /跟进提醒|Follow-up reminder/.test(t));
    },
    tap(reply, action, from = 'alice') {
      const button = buttonsOf(reply).find((b) => b.action === action);
      if (!button) throw new Error(`no ${action} button in: ${replyText(reply)}`);
      return bot.send({ text: button.label, action: { name: button.action, value: button.value }, platformUserId: from, chatId: `console:${from}` });
    },
    async followUp(dueAt, customer = {}) {
      const repId = await aliceId();
      const team = (await store.teams.getDefault())!;
      const c = await store.customers.create({ teamId: team.id, ownerId: repId, name: customer.name ?? '李总', grade: customer.grade ?? null, phone: customer.phone ?? null });
      return store.followUps.create({ teamId: team.id, customerId: c.id, repId, dueAt: new Date(dueAt) });
    },
  };
}

export const texts = (replies: Reply[]) => replies.map(replyText);
