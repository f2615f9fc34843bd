/**
 * Reps log calls by chatting: free text → activity, customer, follow-up, one confirmation with
 * Undo and Edit. Saved at once: nothing is lost if the rep never taps a button.
 */
import { chatKey, type Context, DIALOGUE_TTL_MS, type Feature } from '../context.ts';
import { parseCorrection } from '../extract/correction.ts';
import type { ExtractedActivity, ExtractOptions } from '../extract/types.ts';
import { defineMessages } from '../i18n.ts';
import type { ActivityRecord } from '../records.ts';
import { type Reply, textReply } from '../reply.ts';
import { teamSettings } from '../reminders/settings.ts';
import { readingOf } from './activity-fields.ts';
import { confirmation, timeZoneOf } from './confirmation.ts';
import { labels } from './labels.ts';
import type { ProductCatalog } from './product-vocabulary.ts';
import { recordActivity, undoActivity } from './record.ts';
import { understandActivity } from './understand.ts';

const text = defineMessages(
  {
    undone: (what: string) => `↩️ 已撤销：${what}`,
    gone: '这条记录已经撤销或不存在了。',
    notYours: '只能撤销或修改自己记录的内容。',
    askEdit: '要改什么？直接说，例如「时间改成周四下午」「不是张总，是李总」「没接通」「金额6800」。',
    notUnderstood: '没看懂要改什么。请再说一次，例如「时间改成周四下午」或「客户是李总」。',
    tooLong: (max: number) => `消息太长了（超过 ${max} 字），请只写这通电话的要点。`,
  },
  {
    undone: (what: string) => `↩️ Undone: ${what}`,
    gone: 'That entry was already undone or no longer exists.',
    notYours: 'You can only undo or edit what you logged yourself.',
    askEdit: 'What should change? Just say it, e.g. "time: Thursday afternoon", "not Zhang, it was Li", "no answer", "amount 6800".',
    notUnderstood: 'I did not get what to change. Try again, e.g. "time: Thursday 3pm" or "customer is Li".',
    tooLong: (max: number) => `That message is too long (over ${max} characters); please keep to the points of this call.`,
  },
);

/** A call log is a few sentences; anything longer is pasted by mistake. */
const MAX_LOG_LENGTH = 2_000;

async function extractOptions(ctx: Context, catalog: ProductCatalog): Promise<ExtractOptions> {
  // The team's settings arrive with the sender's session; the team default hour is what a date alone means.
  const { defaultHour } = teamSettings(ctx.team);
  return { now: ctx.now, timeZone: timeZoneOf(ctx), defaultHour, knownProducts: await catalog.productNames({ id: ctx.team.id, now: ctx.now }) };
}

/** The author's own activity, or a reply saying why not. */
async function ownActivity(ctx: Context, value: string | undefined): Promise<ActivityRecord | Reply[]> {
  const t = text(ctx.lang);
  const activity = await ctx.store.activities.get(Number(value));
  if (!activity) return [textReply(t.gone)];
  if (activity.authorId !== ctx.user.id) return [textReply(t.notYours)];
  return activity;
}

/** Replaces an activity by a corrected one: Undo, then record again, in one transaction. */
async function relog(ctx: Context, catalog: ProductCatalog, old: ActivityRecord, extracted: ExtractedActivity, customer?: number | 'new'): Promise<Reply[]> {
  const recorded = await ctx.store.transaction(async (tx) => {
    await undoActivity(tx, old.id, ctx.user.id);
    return recordActivity(tx, {
      teamId: old.teamId,
      authorId: ctx.user.id,
      extracted,
      rawText: old.rawText,
      occurredAt: old.occurredAt,
      platform: old.sourcePlatform ?? ctx.msg.platform,
      messageId: old.sourceMessageId ?? undefined,
      customer,
    });
  });
  catalog.forget?.(old.teamId); // the replaced log's products no longer count
  return [confirmation(ctx, recorded, { edited: true })];
}

/** Logs the message as a call; `customer` forces whom it is about (e.g. the reminder the rep answered). */
export async function logCall(ctx: Context, catalog: ProductCatalog, opts: { customer?: number } = {}): Promise<Reply[]> {
  const raw = ctx.msg.text.trim();
  if (raw.length > MAX_LOG_LENGTH) return [textReply(text(ctx.lang).tooLong(MAX_LOG_LENGTH))];
  const extracted = await understandActivity(raw, { ...(await extractOptions(ctx, catalog)), llm: ctx.deps.llm, logger: ctx.deps.logger });
  const recorded = await recordActivity(ctx.store, {
    teamId: ctx.team.id,
    authorId: ctx.user.id,
    extracted,
    rawText: raw,
    occurredAt: ctx.now,
    platform: ctx.msg.platform,
    messageId: ctx.msg.messageId,
    customer: opts.customer,
  });
  catalog.remember?.(ctx.team.id, extracted.products);
  return [confirmation(ctx, recorded)];
}

export const callsFeature = (catalog: ProductCatalog): Feature => ({
  callLog: (ctx) => logCall(ctx, catalog),
  actions: {
    async 'call.undo'(ctx, value) {
      const activity = await ownActivity(ctx, value);
      if (Array.isArray(activity)) return activity;
      await undoActivity(ctx.store, activity.id, ctx.user.id);
      catalog.forget?.(activity.teamId);
      const l = labels(ctx.lang);
      const what = [l.kind[activity.kind], activity.customerName].filter(Boolean).join(' · ');
      return [textReply(text(ctx.lang).undone(what))];
    },
    async 'call.edit'(ctx, value) {
      const activity = await ownActivity(ctx, value);
      if (Array.isArray(activity)) return activity;
      const expires = new Date(ctx.now.getTime() + DIALOGUE_TTL_MS);
      await ctx.store.conversations.set(ctx.user.id, chatKey(ctx), { type: 'call.edit', activityId: activity.id }, expires);
      return [textReply(text(ctx.lang).askEdit)];
    },
    async 'call.pick'(ctx, value) {
      const [id, choice] = (value ?? '').split(':');
      const activity = await ownActivity(ctx, id);
      if (Array.isArray(activity)) return activity;
      return relog(ctx, catalog, activity, readingOf(activity), choice === 'new' ? 'new' : Number(choice));
    },
  },
  continuations: {
    async 'call.edit'(ctx, state) {
      const activity = await ownActivity(ctx, String(state.activityId));
      if (Array.isArray(activity)) return activity;
      const current = readingOf(activity);
      const patch = parseCorrection(ctx.msg.text, current, await extractOptions(ctx, catalog));
      if (!Object.keys(patch).length) {
        // Keep waiting for a correction the bot understands.
        await ctx.store.conversations.set(ctx.user.id, chatKey(ctx), state, new Date(ctx.now.getTime() + DIALOGUE_TTL_MS));
        return [textReply(text(ctx.lang).notUnderstood)];
      }
      const renamed = 'customer' in patch || 'company' in patch || 'phone' in patch;
      return relog(ctx, catalog, activity, { ...current, ...patch }, renamed ? undefined : (activity.customerId ?? undefined));
    },
  },
});
