/**
 * Turns a rep's message into an activity: the deterministic extractor always runs; when an LLM is
 * configured its reading is validated, checked against the message, and merged in. Time words are
 * always resolved by our own code (time zones and DST are not the model's job).
 */
import { z } from 'zod';
import { ACTIVITY_KINDS, CALL_RESULTS, GRADES, OBJECTIONS, STAGES } from '../domain.ts';
import { extractActivity } from '../extract/extract.ts';
import type { ExtractedActivity, ExtractOptions } from '../extract/types.ts';
import type { LlmPort, Logger } from '../ports.ts';
import { loadPrompt } from '../prompts.ts';
import { resolveTime } from '../time/resolve.ts';

/** The LLM's answer. Every key optional and nullable: a partial answer still helps. */
const LlmReading = z.object({
  kind: z.enum(ACTIVITY_KINDS).nullish(),
  customer: z.string().nullish(),
  company: z.string().nullish(),
  phone: z.string().nullish(),
  result: z.enum(CALL_RESULTS).nullish(),
  intent: z.enum(GRADES).nullish(),
  stage: z.enum(STAGES).nullish(),
  durationMin: z.number().nonnegative().max(24 * 60).nullish(),
  amount: z.number().nonnegative().nullish(),
  products: z.array(z.string()).nullish(),
  objections: z.array(z.enum(OBJECTIONS)).nullish(),
  followUpText: z.string().nullish(),
  doNotCall: z.boolean().nullish(),
  referral: z.boolean().nullish(),
  referredBy: z.string().nullish(),
});
type LlmReading = z.infer<typeof LlmReading>;

/** Longer messages are cut before they reach the model (cost, latency); the extractor sees it all. */
const MAX_LLM_INPUT = 2_000;

export interface UnderstandOptions extends ExtractOptions {
  llm?: LlmPort;
  logger: Logger;
}

const digits = (s: string) => s.replace(/\D/g, '');

/** A value the model returns must be visible in the message: names and numbers are never invented. */
function grounded(value: string | null | undefined, text: string): string | null {
  const v = value?.trim();
  return v && text.toLowerCase().includes(v.toLowerCase()) ? v : null;
}

export function mergeReadings(text: string, base: ExtractedActivity, llm: LlmReading, opts: ExtractOptions): ExtractedActivity {
  const phone = llm.phone && digits(llm.phone).length >= 5 && digits(text).includes(digits(llm.phone)) ? llm.phone : null;
  let followUpAt = base.followUpAt;
  if (llm.followUpText === null) followUpAt = null;
  else if (llm.followUpText) followUpAt = resolveTime(llm.followUpText, opts)?.at ?? base.followUpAt;
  const products = (llm.products ?? []).filter((p) => grounded(p, text));
  return {
    kind: llm.kind ?? base.kind,
    customer: grounded(llm.customer, text) ?? base.customer,
    company: grounded(llm.company, text) ?? base.company,
    phone: phone ?? base.phone,
    result: llm.result === undefined ? base.result : llm.result,
    intent: llm.intent ?? base.intent,
    stage: llm.stage ?? base.stage,
    durationMin: llm.durationMin ?? base.durationMin,
    amount: llm.amount ?? base.amount,
    products: products.length ? [...new Set([...products, ...base.products])] : base.products,
    objections: llm.objections ?? base.objections,
    followUpAt,
    doNotCall: llm.doNotCall ?? base.doNotCall,
    referral: llm.referral ?? base.referral,
    referredBy: grounded(llm.referredBy, text) ?? base.referredBy,
  };
}

export async function understandActivity(text: string, opts: UnderstandOptions): Promise<ExtractedActivity> {
  const base = extractActivity(text, opts);
  if (!opts.llm) return base;
  try {
    const answer = await opts.llm.completeJson({ system: loadPrompt('extract-activity'), user: text.slice(0, MAX_LLM_INPUT) });
    const reading = LlmReading.safeParse(answer);
    if (!reading.success) {
      opts.logger.warn({ issues: reading.error.issues.slice(0, 3) }, 'LLM extraction did not match the schema; using the deterministic reading');
      return base;
    }
    return mergeReadings(text, base, reading.data, opts);
  } catch (err) {
    opts.logger.warn({ err: (err as Error).message }, 'LLM extraction failed; using the deterministic reading');
    return base;
  }
}
