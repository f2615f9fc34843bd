/**
 * What a logged activity says about its customer: contact time, details learned, grade, stage
 * along the A-card lifecycle, do-not-call, referral source.
 */
import type { Stage } from '../domain.ts';
import type { ExtractedActivity } from '../extract/types.ts';
import type { CustomerMutableField, CustomerRecord, NewCustomerRecord } from '../records.ts';

export type CustomerPatch = Partial<Pick<CustomerRecord, CustomerMutableField>>;
/** The customer fields a log reads and may change. */
export type CustomerState = Pick<CustomerRecord, CustomerMutableField>;

/** A customer about to be created, as the database's defaults will make it. */
export function freshCustomer(input: NewCustomerRecord): CustomerState {
  return {
    name: input.name,
    company: input.company ?? null,
    phone: input.phone ?? null,
    grade: input.grade ?? null,
    stage: input.stage ?? 'lead',
    doNotCall: input.doNotCall ?? false,
    source: input.source ?? null,
    referredBy: input.referredBy ?? null,
    intentAt: input.intentAt ?? null,
    wonAt: input.wonAt ?? null,
    lostAt: input.lostAt ?? null,
    lastContactAt: input.lastContactAt ?? null,
  };
}

const ORDER: Stage[] = ['lead', 'contacted', 'intent', 'won'];

/** The stage after this activity. Stages only move forward, except to lost and back from lost on new intent. */
function nextStage(current: Stage, a: ExtractedActivity): Stage {
  const said = a.stage ?? (a.intent ? 'intent' : a.result === 'connected' || a.kind !== 'call' ? 'contacted' : null);
  if (!said) return current;
  if (said === 'lost' || current === 'lost') return said;
  return ORDER.indexOf(said) > ORDER.indexOf(current) ? said : current;
}

export function customerChanges(customer: CustomerState, a: ExtractedActivity, at: Date): CustomerPatch {
  const patch: CustomerPatch = {};
  if (!customer.lastContactAt || customer.lastContactAt < at) patch.lastContactAt = at;
  if (a.phone && !customer.phone) patch.phone = a.phone;
  if (a.company && !customer.company) patch.company = a.company;
  if (a.intent && a.intent !== customer.grade) patch.grade = a.intent;
  const stage = nextStage(customer.stage, a);
  if (stage !== customer.stage) {
    patch.stage = stage;
    if (stage === 'intent' && !customer.intentAt) patch.intentAt = at;
    if (stage === 'won' && !customer.wonAt) patch.wonAt = at;
    if (stage === 'lost') patch.lostAt = at;
  }
  // A won deal counts as an A-card even when the rep never logged the intent step.
  if (stage === 'won' && !customer.intentAt) patch.intentAt = at;
  if (a.doNotCall && !customer.doNotCall) patch.doNotCall = true;
  if (a.referral && customer.source !== 'referral') {
    patch.source = 'referral';
    if (a.referredBy) patch.referredBy = a.referredBy;
  }
  return patch;
}

/** The customer's current values of the fields a patch changes (what Undo restores). */
export function snapshot(customer: CustomerState, patch: CustomerPatch): CustomerPatch {
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) before[key] = customer[key as keyof CustomerPatch];
  return before as CustomerPatch;
}
