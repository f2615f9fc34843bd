/**
 * The fields an extracted reading and a stored activity share, converted both ways: the reading
 * becomes a row when a log is saved, and a row becomes a reading again when it is edited.
 */
import type { Objection } from '../domain.ts';
import type { ExtractedActivity } from '../extract/types.ts';
import type { ActivityRecord, NewActivityRecord } from '../records.ts';

type Shared = Pick<
  ActivityRecord,
  'kind' | 'company' | 'phone' | 'result' | 'intent' | 'stage' | 'durationMin' | 'amount' | 'products' | 'followUpAt' | 'doNotCall' | 'referral'
>;

function shared(a: Shared): Shared {
  const { kind, company, phone, result, intent, stage, durationMin, amount, products, followUpAt, doNotCall, referral } = a;
  return { kind, company, phone, result, intent, stage, durationMin, amount, products, followUpAt, doNotCall, referral };
}

/** The reading's fields as activity columns (the customer as the rep named them). */
export function activityFields(a: ExtractedActivity): Omit<NewActivityRecord, 'teamId' | 'authorId' | 'rawText' | 'occurredAt'> {
  return { ...shared(a), customerName: a.customer, objections: a.objections };
}

/** A stored activity as a reading, so a correction can be applied to it. */
export function readingOf(a: ActivityRecord): ExtractedActivity {
  return { ...shared(a), customer: a.customerName, objections: a.objections as Objection[], referredBy: null };
}
