import type { KbIndex } from './index.ts';

/** Dev/eval metrics for `npm run eval:kb` (shared/spec/formats.md §3). */
export interface KbEvaluation {
  /** Over answerable questions: an expected id first (and the question answered). */
  hit1: number;
  /** Over answerable questions: an expected id among the first three. */
  hit3: number;
  /** Mean reciprocal rank of the first expected id, 0 when abstained or not found. */
  mrr: number;
  /** Over unanswerable questions: share where the index abstained. */
  abstention: number;
  /** Answerable questions the index refused to answer. */
  falseAbstentions: number;
  answerable: number;
  unanswerable: number;
  misses: Array<{ q: string; expect: string[]; got: string[] }>;
}

export function evaluate(index: KbIndex, questions: Array<{ q: string; expect: string[] }>): KbEvaluation {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let abstained = 0;
  let falseAbstentions = 0;
  let answerable = 0;
  let unanswerable = 0;
  const misses: KbEvaluation['misses'] = [];
  for (const { q, expect } of questions) {
    const result = index.search(q, { limit: 10 });
    const got = result.answered ? result.hits.map((h) => h.slug) : [];
    if (expect.length === 0) {
      unanswerable++;
      if (!result.answered) abstained++;
      else misses.push({ q, expect, got: got.slice(0, 3) });
      continue;
    }
    answerable++;
    if (!result.answered) falseAbstentions++;
    const rank = got.findIndex((s) => expect.includes(s));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank !== 0) misses.push({ q, expect, got: result.answered ? got.slice(0, 3) : ['(abstained)', ...result.hits.slice(0, 3).map((h) => h.slug)] });
  }
  const ratio = (x: number, n: number) => (n === 0 ? 1 : Math.round((x / n) * 1000) / 1000);
  return {
    hit1: ratio(hit1, answerable),
    hit3: ratio(hit3, answerable),
    mrr: ratio(rr, answerable),
    abstention: ratio(abstained, unanswerable),
    falseAbstentions,
    answerable,
    unanswerable,
    misses,
  };
}
