/**
 * A logged activity as the deterministic extractor reads it from a rep's message
 * (formats.md §2). Null means "not said"; the bot asks or leaves it blank.
 */
import type { ActivityKind, CallResult, Grade, Objection, Stage } from '../domain.ts';

export interface ExtractedActivity {
  kind: ActivityKind; // call | visit | message | meeting (default call)
  customer: string | null; // how the rep named the person, as written ("张总", "Mrs Patel")
  company: string | null;
  phone: string | null; // digits as given
  result: CallResult | null; // null when not a call, or nothing says how the call went
  intent: Grade | null; // A high, B medium, C low; null if not stated/implied
  stage: Stage | null;
  durationMin: number | null;
  amount: number | null;
  products: string[];
  objections: Objection[];
  followUpAt: Date | null; // an instant
  doNotCall: boolean;
  referral: boolean;
  referredBy: string | null; // who referred, when stated ("王阿姨")
}

export interface ExtractOptions {
  now: Date;
  timeZone: string;
  defaultHour?: number; // 10
  knownProducts?: string[]; // product names from the team's knowledge base
}

export function emptyActivity(): ExtractedActivity {
  return {
    kind: 'call',
    customer: null,
    company: null,
    phone: null,
    result: null,
    intent: null,
    stage: null,
    durationMin: null,
    amount: null,
    products: [],
    objections: [],
    followUpAt: null,
    doNotCall: false,
    referral: false,
    referredBy: null,
  };
}
