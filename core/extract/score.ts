/**
 * Scores extraction against a calls.jsonl evaluation set (formats.md §3): only the fields
 * present in each case's `expect` count; arrays compare as sets, followUpAt as instants,
 * null must match null. Shared by the dev-set test and `npm run eval:calls`.
 */
import { toFormatJson } from './to-json.ts';
import type { ExtractedActivity } from './types.ts';

export interface CallCase {
  text: string;
  now: string; // ISO 8601 with offset
  tz: string; // IANA zone
  expect: Record<string, unknown>;
}

export type ExtractFn = (text: string, opts: { now: Date; timeZone: string }) => ExtractedActivity;

export interface FieldScore {
  correct: number;
  total: number;
  accuracy: number;
}

export interface Miss {
  index: number;
  text: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface ScoreReport {
  fields: Record<string, FieldScore>;
  overall: FieldScore;
  misses: Miss[];
}

export function scoreCases(cases: CallCase[], extractFn: ExtractFn): ScoreReport {
  const results = cases.map((c) => toFormatJson(extractFn(c.text, { now: new Date(c.now), timeZone: c.tz }), c.tz));
  return scoreResults(cases, results);
}

/** Scores results already in the formats.md §2 shape (toFormatJson), one per case, in order. */
export function scoreResults(cases: CallCase[], results: Array<Record<string, unknown>>): ScoreReport {
  const fields: Record<string, FieldScore> = {};
  const misses: Miss[] = [];
  let correct = 0;
  let total = 0;
  cases.forEach((c, index) => {
    const actual = results[index] ?? {};
    for (const [field, expected] of Object.entries(c.expect)) {
      const ok = same(field, expected, actual[field]);
      const f = (fields[field] ??= { correct: 0, total: 0, accuracy: 0 });
      f.total++;
      total++;
      if (ok) {
        f.correct++;
        correct++;
      } else {
        misses.push({ index, text: c.text, field, expected, actual: actual[field] });
      }
    }
  });
  for (const f of Object.values(fields)) f.accuracy = f.total ? f.correct / f.total : 1;
  return { fields, overall: { correct, total, accuracy: total ? correct / total : 1 }, misses };
}

/** Parses calls.jsonl text, skipping blank lines. */
export function parseCases(jsonl: string): CallCase[] {
  return jsonl
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CallCase);
}

function same(field: string, expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null || expected === undefined || actual === undefined) {
    return (expected ?? null) === (actual ?? null);
  }
  if (field === 'followUpAt') return Date.parse(String(expected)) === Date.parse(String(actual));
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const a = new Set(expected.map(String));
    const b = new Set(actual.map(String));
    return a.size === b.size && [...a].every((x) => b.has(x));
  }
  return expected === actual;
}
