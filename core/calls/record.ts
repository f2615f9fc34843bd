/**
 * Saving a logged activity and everything it implies, in one transaction: the customer (matched or
 * created, then updated), the follow-ups it closes, cancels or schedules, and an audit entry.
 * The changes are kept on the activity (`effects`), so Undo reverses exactly them.
 */
import type { Platform } from '../domain.ts';
import type { ExtractedActivity } from '../extract/types.ts';
import type { Store } from '../ports.ts';
import type { ActivityEffects, ActivityRecord, CustomerRecord, FollowUpRecord } from '../records.ts';
import { activityFields } from './activity-fields.ts';
import { customerChanges, snapshot } from './customer-changes.ts';
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
  return store.transaction(async (tx) => {
    const a = input.extracted;
    const match = await resolveCustomer(tx, input);
    const effects: ActivityEffects = { createdCustomer: false, customerBefore: {}, closedFollowUps: [] };

    let customer: CustomerRecord | null = match.kind === 'existing' || match.kind === 'ambiguous' ? match.customer : null;
    if (match.kind === 'new') {
      customer = await tx.customers.create({
        teamId: input.teamId,
        ownerId: input.authorId,
        name: a.customer ?? a.phone ?? '?',
        company: a.company,
        phone: a.phone,
        source: a.referral ? 'referral' : null,
        referredBy: a.referral ? a.referredBy : null,
      });
      effects.createdCustomer = true;
    }

    let cancelled = 0;
    if (customer) {
      const patch = customerChanges(customer, a, input.occurredAt);
      if (Object.keys(patch).length) {
        effects.customerBefore = snapshot(customer, patch);
        customer = await tx.customers.update(customer.id, patch);
      }
      // This contact settles the follow-ups that were open; do-not-call cancels them instead.
      // A customer created just now has none.
      if (!effects.createdCustomer) {
        const closeAs = customer.doNotCall ? 'cancelled' : 'done';
        effects.closedFollowUps = await tx.followUps.closeOpenForCustomer(customer.id, closeAs);
        if (closeAs === 'cancelled') cancelled = effects.closedFollowUps.length;
      }
    }

    const activity = await tx.activities.create({
      ...activityFields(a),
      teamId: input.teamId,
      authorId: input.authorId,
      customerId: customer?.id ?? null,
      rawText: input.rawText,
      sourcePlatform: input.platform,
      sourceMessageId: input.messageId ?? null,
      occurredAt: input.occurredAt,
      effects,
    });

    const followUp =
      customer && a.followUpAt && !customer.doNotCall && customer.stage !== 'lost'
        ? await tx.followUps.create({
            teamId: input.teamId,
            customerId: customer.id,
            repId: input.authorId,
            activityId: activity.id,
            dueAt: a.followUpAt,
          })
        : null;
    await tx.audit.record({ actorId: input.authorId, action: 'activity.logged', entity: 'activity', entityId: activity.id, after: { customerId: customer?.id ?? null, effects } });
    return { activity, customer, match, followUp, cancelled };
  });
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
