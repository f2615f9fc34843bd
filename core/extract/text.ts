/**
 * Message clean-up before extraction: one canonical form (NFKC turns full-width digits and
 * punctuation into ASCII), no control characters, and a length cap so that a pasted essay
 * costs the same as a sentence.
 */

/** Characters scanned; call logs are a line or two, a paste beyond this is not a log. */
export const MAX_TEXT = 2000;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]+/g;

export function normalizeText(text: unknown): string {
  if (typeof text !== 'string') return '';
  // Runs of spaces become one: a pasted, space-padded table must not feed the patterns long runs.
  return text.slice(0, MAX_TEXT).normalize('NFKC').replace(CONTROL, ' ').replace(/[ \t]{2,}/g, ' ').trim();
}

/** Blanks out spans (same length) so later detectors do not read them again. */
export function blank(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** Splits into clauses at sentence and clause punctuation (after NFKC: ASCII , ; ! ?). */
export const CLAUSE_BREAK = /[,;!?。；、\n]|\.(?!\d)/;
