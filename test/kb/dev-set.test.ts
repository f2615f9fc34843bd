import { describe, expect, it } from 'vitest';
import { evaluate } from '../../core/kb/eval.ts';
import { KbIndex } from '../../core/kb/index.ts';
import { devSet } from './fixtures/sets.ts';

describe('dev set retrieval (no LLM)', () => {
  it('meets the issue #4 bars: hit@1 ≥ .85, hit@3 ≥ .95, abstention ≥ .80', async () => {
    const { kb, questions } = await devSet();
    expect(kb).toHaveLength(51);
    const { misses, ...metrics } = evaluate(KbIndex.build(kb), questions);
    console.log('dev KB metrics', metrics, '\nmisses:\n' + misses.map((m) => JSON.stringify(m)).join('\n'));
    const ranking = evaluate(KbIndex.build(kb, { abstain: false }), questions.filter((q) => q.expect.length));
    console.log('ranking only (abstention off)', { hit1: ranking.hit1, hit3: ranking.hit3, mrr: ranking.mrr });
    // Measured .941 / .971 / .833 with no false abstention; ranking alone .941 / .971. The
    // abstention model was fitted with this set among five KBs (core/kb/abstain.ts), so these are
    // in-sample; leave-one-KB-out gives the same on dev. Raise the floors, never lower them.
    expect(metrics.hit1).toBeGreaterThanOrEqual(0.94);
    expect(metrics.hit3).toBeGreaterThanOrEqual(0.97);
    expect(metrics.abstention).toBeGreaterThanOrEqual(0.83);
    expect(metrics.falseAbstentions).toBeLessThanOrEqual(1);
    expect(ranking.hit1).toBeGreaterThanOrEqual(0.94);
    expect(ranking.hit3).toBeGreaterThanOrEqual(0.97);
  });
});
