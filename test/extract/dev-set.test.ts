/**
 * Field accuracy on the 云帆健康 dev set (formats.md §3): only fields present in `expect`
 * are scored. Run without product names and with a small list, as a team without and with
 * a knowledge base would. The unseen test set is from another company, so the bar here is a
 * floor, not a target to fit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';
import { parseCases, scoreCases, type ScoreReport } from '../../core/extract/score.ts';

const CASES = parseCases(readFileSync(new URL('../../../shared/datasets/dev/calls.jsonl', import.meta.url), 'utf8'));
const PRODUCTS = ['三星卡', '四星卡', '五星卡', '六星卡', '调理食品', '7天体验'];

function run(knownProducts: string[]): ScoreReport {
  return scoreCases(CASES, (text, opts) => extractActivity(text, { ...opts, knownProducts }));
}

function summary(label: string, r: ScoreReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const fields = Object.entries(r.fields)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([f, s]) => `  ${f.padEnd(12)} ${String(s.correct).padStart(3)}/${String(s.total).padEnd(3)} ${pct(s.accuracy)}`);
  const misses = r.misses.map((m) => `  miss #${m.index + 1} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  return [`dev set, ${label}: overall ${r.overall.correct}/${r.overall.total} = ${pct(r.overall.accuracy)}`, ...fields, ...misses].join('\n');
}

describe('dev set (calls.jsonl)', () => {
  it('has the 60 cases', () => {
    expect(CASES).toHaveLength(60);
  });

  it('scores at least 0.95 overall without product names', () => {
    const r = run([]);
    console.log(summary('knownProducts = []', r));
    expect(r.overall.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('scores at least 0.95 overall with the team\'s product names', () => {
    const r = run(PRODUCTS);
    console.log(summary('knownProducts = KB names', r));
    expect(r.overall.accuracy).toBeGreaterThanOrEqual(0.95);
    for (const [field, s] of Object.entries(r.fields)) expect(s.accuracy, field).toBeGreaterThanOrEqual(0.85);
  });

});
