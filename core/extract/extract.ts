/**
 * Deterministic extraction of a structured activity (formats.md §2) from a rep's free-text
 * call log, in Chinese or English. Pure: no I/O, no clock (now comes in), never throws.
 * Each field has its own module; this one orders them so that numbers already claimed
 * (a phone, a time, a duration) are not read again as money.
 */
import { findTimes } from '../time/resolve.ts';
import { findAmount } from './amount.ts';
import { findCompany } from './company.ts';
import { findDuration } from './duration.ts';
import { findFollowUp } from './follow-up.ts';
import { findCustomer, findNames, findReferrer } from './names.ts';
import { findObjections } from './objections.ts';
import { findIntent, findKind, findResult, findStage, isDoNotCall, isReferral } from './outcome.ts';
import { findPhone } from './phone-number.ts';
import { findProducts } from './products.ts';
import { blank, normalizeText } from './text.ts';
import { emptyActivity, type ExtractedActivity, type ExtractOptions } from './types.ts';

/** Money is only a deal value when a deal closed or the rep calls it an amount. */
const AMOUNT_WORD = /金额|总价|合计|总共|成交价|合同额|订单额|\bdeal (?:value|size)\b|\bamount\b|\bworth\b|\btotal\b/i;
/** The rep says there is nothing to follow up. */
const NO_FOLLOW_UP = /不用(?:再)?跟进|不再跟进|无需跟进|不跟进|不用回访|\bno (?:need to )?follow[- ]?up\b|\bno further (?:action|contact)\b/i;

export function extractActivity(text: string, opts: ExtractOptions): ExtractedActivity {
  try {
    return extract(text, opts);
  } catch {
    return emptyActivity(); // a strange message must never break the bot
  }
}

function extract(raw: string, opts: ExtractOptions): ExtractedActivity {
  const a = emptyActivity();
  const text = normalizeText(raw);
  if (!/[\p{L}\p{N}]/u.test(text)) return a;

  const phone = findPhone(text);
  a.phone = phone?.phone ?? null;
  let numbers = phone ? blank(text, [phone]) : text;

  const times = findTimes(numbers, { now: opts.now, timeZone: opts.timeZone, defaultHour: opts.defaultHour ?? 10 });
  const duration = findDuration(numbers);
  a.durationMin = duration?.minutes ?? null;
  numbers = blank(numbers, [...times, ...(duration ? [duration] : [])]);

  const names = findNames(text);
  a.customer = findCustomer(text, names);
  a.company = findCompany(text, names);
  a.products = findProducts(text, opts.knownProducts, names);
  a.objections = findObjections(text);
  a.kind = findKind(text);
  a.intent = findIntent(text);
  a.doNotCall = isDoNotCall(text);
  a.referral = isReferral(text);
  a.referredBy = a.referral ? findReferrer(text, names) : null;

  const evidence = a.durationMin !== null || a.intent !== null || a.objections.length > 0 || a.doNotCall;
  a.result = findResult(text, a.kind, evidence, names);
  a.stage = findStage(text, a.intent, a.result, a.kind);
  if (a.stage === 'won' && a.kind === 'call' && a.result === null) a.result = 'connected';
  a.amount = a.stage === 'won' || AMOUNT_WORD.test(text) ? findAmount(numbers) : null;

  a.followUpAt = a.doNotCall || NO_FOLLOW_UP.test(text) ? null : findFollowUp(text, times, opts.now);
  return a;
}
