/**
 * The activity as the formats.md §2 JSON object: followUpAt as ISO 8601 with the zone's
 * offset ("2026-11-24T15:00:00+08:00"); referredBy is ours, not the contract's, so it is left out.
 */
import { DateTime } from 'luxon';
import type { ExtractedActivity } from './types.ts';

export function toFormatJson(a: ExtractedActivity, timeZone: string): Record<string, unknown> {
  return {
    kind: a.kind,
    customer: a.customer,
    company: a.company,
    phone: a.phone,
    result: a.result,
    intent: a.intent,
    stage: a.stage,
    durationMin: a.durationMin,
    amount: a.amount,
    products: [...a.products],
    objections: [...a.objections],
    followUpAt: a.followUpAt ? isoInZone(a.followUpAt, timeZone) : null,
    doNotCall: a.doNotCall,
    referral: a.referral,
  };
}

function isoInZone(at: Date, timeZone: string): string {
  let dt = DateTime.fromJSDate(at, { zone: timeZone });
  if (!dt.isValid) dt = DateTime.fromJSDate(at, { zone: 'UTC' });
  // luxon writes "Z" for UTC; the contract shows numeric offsets.
  return dt.toISO({ suppressMilliseconds: true })!.replace(/Z$/, '+00:00');
}
