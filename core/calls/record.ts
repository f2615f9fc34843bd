/**
 * Saving a logged activity and everything it implies, in one transaction: the customer (matched or
 * created, then updated), the follow-ups it closes, cancels or schedules, and an audit entry.
 * The changes are kept on the activity (`effects`), so Undo reverses exactly them.
 */
import type { Platform } from '../domain.ts';
import type { ExtractedActivity } from '../extract/types.ts';
import type { ActivityLog, Store } from '../ports.ts';
import type { ActivityEffects, ActivityRecord, CustomerRecord, FollowUpRecord } from '../records.ts';
import { activityFields } from './activity-fields.ts';
import { customerChanges, freshCustomer, snapshot } from './customer-changes.ts';
import { matchCustomer, type CustomerMatch } from './match-customer.ts';

export interface RecordInput {
  teamId: number;
  authorId: number;
  extracted: ExtractedActivity;
  rawText: string;
  occurredAt: Date;
  platform: Platform;
  messageId?: string;
  /** Force the customer (a disambiguation button): an id, or 'new' for a new customer. */
  customer?: number | 'new';
}

export interface Recorded {
  activity: ActivityRecord;
  customer: CustomerRecord | null;
  match: CustomerMatch;
  followUp: FollowUpRecord | null;
  /** Pending follow-ups cancelled because the customer asked not to be called. */
  cancelled: number;
}

async function resolveCustomer(store: Store, input: RecordInput): Promise<CustomerMatch> {
  if (input.customer === 'new') return { kind: 'new' };
  if (typeof input.customer === 'number') {
    const customer = await store.customers.get(input.customer);
    if (customer && customer.ownerId === input.authorId) return { kind: 'existing', customer };
  }
  return matchCustomer(store, input.authorId, input.extracted);
}

export async function recordActivity(store: Store, input: RecordInput): Promise<Recorded> {
  const a = input.extracted;
  const match = await resolveCustomer(store, input);
  const effects: ActivityEffects = { createdCustomer: match.kind === 'new', customerBefore: {}, closedFollowUps: [] };
  const found = match.kind === 'existing' || match.kind === 'ambiguous' ? match.customer : null;

  let customer: ActivityLog['customer'] = null;
  let closeFollowUps: ActivityLog['closeFollowUps'] = null;
  // What the customer will look like after this log decides whether a follow-up still makes sense.
  let after: Pick<CustomerRecord, 'doNotCall' | 'stage'> | null = null;
  if (match.kind === 'new') {
    const fresh = freshCustomer({
      teamId: input.teamId,
      ownerId: input.authorId,
      name: a.customer ?? a.phone ?? '?',
      company: a.company,
      phone: a.phone,
      source: a.referral ? 'referral' : null,
      referredBy: a.referral ? a.referredBy : null,
    });
    // A new customer gets the same treatment as an existing one (stage, grade, contact time).
    const patch = customerChanges(fresh, a, input.occurredAt);
    effects.customerBefore = snapshot(fresh, patch);
    customer = { create: { ...fresh, ...patch, teamId: input.teamId, ownerId: input.authorId } };
    after = { ...fresh, ...patch };
  } else if (found) {
    const patch = customerChanges(found, a, input.occurredAt);
    effects.customerBefore = snapshot(found, patch);
    customer = { id: found.id, patch };
    after = { ...found, ...patch };
    // This contact settles the follow-ups that were open; do-not-call cancels them instead.
    closeFollowUps = after.doNotCall ? 'cancelled' : 'done';
  }

  const saved = await store.activities.log({
    customer,
    closeFollowUps,
    activity: {
      ...activityFields(a),
      teamId: input.teamId,
      authorId: input.authorId,
      rawText: input.rawText,
      sourcePlatform: input.platform,
      sourceMessageId: input.messageId ?? null,
      occurredAt: input.occurredAt,
      effects,
    },
    followUpDueAt: after && a.followUpAt && !after.doNotCall && after.stage !== 'lost' ? a.followUpAt : null,
    auditAction: 'activity.logged',
  });
  const cancelled = closeFollowUps === 'cancelled' ? (saved.activity.effects?.closedFollowUps.length ?? 0) : 0;
  return { activity: saved.activity, customer: saved.customer ?? found, match, followUp: saved.followUp, cancelled };
}

/** Removes an activity and reverses what it changed. Returns false when it no longer exists. */
export async function undoActivity(store: Store, activityId: number, actorId: number): Promise<ActivityRecord | null> {
  return store.transaction(async (tx) => {
    const activity = await tx.activities.get(activityId);
    if (!activity) return null;
    const effects = activity.effects;
    await tx.followUps.deleteForActivity(activity.id);
    for (const { id, status } of effects?.closedFollowUps ?? []) await tx.followUps.setStatus([id], status);
    await tx.activities.delete(activity.id);
    if (activity.customerId && effects) {
      const others = await tx.activities.countForCustomer(activity.customerId);
      if (effects.createdCustomer && others === 0) await tx.customers.delete(activity.customerId);
      else if (Object.keys(effects.customerBefore).length) await tx.customers.update(activity.customerId, effects.customerBefore);
    }
    await tx.audit.record({ actorId, action: 'activity.undone', entity: 'activity', entityId: activity.id, before: activity });
    return activity;
  });
}
