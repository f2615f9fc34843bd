import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../core/kb/eval.ts';
import { readKbFolder } from '../../core/kb/folder.ts';
import { KbIndex } from '../../core/kb/index.ts';

const devDir = new URL('../../../shared/datasets/dev/', import.meta.url);

describe('dev set retrieval (no LLM)', () => {
  it('ranks and abstains at least as well as last measured', async () => {
    const { articles, errors } = await readKbFolder(fileURLToPath(new URL('kb/', devDir)));
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(51);
    const questions = readFileSync(new URL('questions.jsonl', devDir), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { q: string; expect: string[] });
    const index = KbIndex.build(articles);
    const { misses, ...metrics } = evaluate(index, questions);
    console.log('dev KB metrics', metrics, '\nmisses:\n' + misses.map((m) => JSON.stringify(m)).join('\n'));
    const ranking = evaluate(KbIndex.build(articles, { minCoverage: 0 }), questions.filter((q) => q.expect.length));
    console.log('ranking only (abstention off)', { hit1: ranking.hit1, hit3: ranking.hit3, mrr: ranking.mrr });
    // Regression floor at the level reached so far (measured hit1 .735, hit3 .809, abstention .833;
    // ranking only hit1 .838, hit3 .941). TARGET (not met yet): hit1 ≥ 0.85, hit3 ≥ 0.95,
    // abstention ≥ 0.80 — raise these floors as retrieval improves, never lower them.
    expect(metrics.hit1).toBeGreaterThanOrEqual(0.73);
    expect(metrics.hit3).toBeGreaterThanOrEqual(0.8);
    expect(metrics.abstention).toBeGreaterThanOrEqual(0.8);
    expect(ranking.hit1).toBeGreaterThanOrEqual(0.83);
    expect(ranking.hit3).toBeGreaterThanOrEqual(0.94);
  });
});
