/**
 * The reminder's buttons: Done (then the next message is logged as the call's outcome for this
 * customer), Snooze 1h, Tomorrow (next working day at the default hour), Reschedule (a time in
 * words). Moving a follow-up resets notified_at: its reminder is sent again at the new time.
 */
import { timeZoneOf } from '../calls/confirmation.ts';
import { logCall } from '../calls/feature.ts';
import type { ProductCatalog } from '../calls/product-vocabulary.ts';
import { chatKey, type Context, DIALOGUE_TTL_MS, type Feature } from '../context.ts';
import { formatDateTime } from '../format.ts';
import type { FollowUpRecord } from '../records.ts';
import { type Reply, textReply } from '../reply.ts';
import { resolveTime } from '../time/resolve.ts';
import { nextWorkingDayAt } from './hours.ts';
import { customerLabel } from './messages.ts';
import { teamSettings } from './settings.ts';
import { texts } from './texts.ts';

const HOUR_MS = 3_600_000;

/** The sender's own open follow-up, or a reply saying why not. */
async function ownOpen(ctx: Context, value: unknown): Promise<FollowUpRecord | Reply[]> {
  const t = texts(ctx.lang);
  const fu = await ctx.store.followUps.get(Number(value));
  if (!fu || (fu.status !== 'pending' && fu.status !== 'snoozed')) return [textReply(t.gone)];
  if (fu.repId !== ctx.user.id) return [textReply(t.notYours)];
  return fu;
}

async function moved(ctx: Context, fu: FollowUpRecord, dueAt: Date, status: 'pending' | 'snoozed'): Promise<Reply[]> {
  await ctx.store.reminders.reschedule(fu.id, dueAt, status);
  await ctx.store.audit.record({ actorId: ctx.user.id, action: `follow_up.${status === 'snoozed' ? 'snoozed' : 'rescheduled'}`, entity: 'follow_up', entityId: fu.id, before: { dueAt: fu.dueAt }, after: { dueAt } });
  const when = formatDateTime(dueAt, timeZoneOf(ctx), ctx.lang);
  return [textReply(status === 'snoozed' ? texts(ctx.lang).snoozed(when) : texts(ctx.lang).moved(when))];
}

function ask(ctx: Context, state: { type: string; [k: string]: unknown }): Promise<void> {
  return ctx.store.conversations.set(ctx.user.id, chatKey(ctx), state, new Date(ctx.now.getTime() + DIALOGUE_TTL_MS));
}

export const remindersFeature = (catalog: ProductCatalog): Feature => ({
  actions: {
    async 'fu.done'(ctx, value) {
      const fu = await ownOpen(ctx, value);
      if (Array.isArray(fu)) return fu;
      const customer = await ctx.store.customers.get(fu.customerId);
      await ctx.store.transaction(async (tx) => {
        await tx.followUps.setStatus([fu.id], 'done');
        // Done means they were contacted: the cadence counts from now even if no log follows.
        if (customer && (!customer.lastContactAt || customer.lastContactAt < ctx.now)) await tx.customers.update(customer.id, { lastContactAt: ctx.now });
        await tx.audit.record({ actorId: ctx.user.id, action: 'follow_up.done', entity: 'follow_up', entityId: fu.id });
      });
      await ask(ctx, { type: 'fu.outcome', customerId: fu.customerId });
      return [textReply(texts(ctx.lang).askOutcome(customer ? customerLabel(customer, ctx.lang) : ''))];
    },
    async 'fu.snooze'(ctx, value) {
      const fu = await ownOpen(ctx, value);
      if (Array.isArray(fu)) return fu;
      return moved(ctx, fu, new Date(ctx.now.getTime() + HOUR_MS), 'snoozed');
    },
    async 'fu.tomorrow'(ctx, value) {
      const fu = await ownOpen(ctx, value);
      if (Array.isArray(fu)) return fu;
      const s = teamSettings(await ctx.store.teams.get(fu.teamId));
      return moved(ctx, fu, nextWorkingDayAt(ctx.now, s, timeZoneOf(ctx), s.defaultHour), 'pending');
    },
    async 'fu.resched'(ctx, value) {
      const fu = await ownOpen(ctx, value);
      if (Array.isArray(fu)) return fu;
      await ask(ctx, { type: 'fu.resched', followUpId: fu.id });
      return [textReply(texts(ctx.lang).askWhen)];
    },
  },
  continuations: {
    async 'fu.resched'(ctx, state) {
      const fu = await ownOpen(ctx, state.followUpId);
      if (Array.isArray(fu)) return fu;
      const s = teamSettings(await ctx.store.teams.get(fu.teamId));
      const t = texts(ctx.lang);
      const found = resolveTime(ctx.msg.text, { now: ctx.now, timeZone: timeZoneOf(ctx), defaultHour: s.defaultHour });
      if (!found || found.at <= ctx.now) {
        await ask(ctx, state); // keep waiting for a time the bot understands
        return [textReply(found ? t.pastWhen : t.notUnderstoodWhen)];
      }
      return moved(ctx, fu, found.at, 'pending');
    },
    /** The words after Done: logged as a call with this customer, whatever name they mention. */
    async 'fu.outcome'(ctx, state) {
      return logCall(ctx, catalog, { customer: Number(state.customerId) });
    },
  },
});
