/**
 * Call-log sets written blind, one after another, by people who had read formats.md and
 * domain.md but never the code — each a different trade. Their first runs (84.7%, 89.1%, 90.3%,
 * 94.2%, 96.1%) measured how the extractor generalises; their misses then became general rules
 * (test/extract/blind-rounds.test.ts), so they are now regression floors, not blind measures.
 * Scored as `parse --jsonl` reads a batch: product names shared across the set are known in all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';
import { parseCases, scoreCases } from '../../core/extract/score.ts';
import { sharedProductNames } from '../../core/extract/vocabulary.ts';

const DIR = new URL('./fixtures/blind/', import.meta.url);
const SETS = readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort();

describe('blind-written call-log sets', () => {
  it('are all here', () => {
    expect(SETS).toHaveLength(5);
  });

  it.each(SETS)('%s scores at least 98%% of its fields', (file) => {
    const cases = parseCases(readFileSync(new URL(file, DIR), 'utf8'));
    const knownProducts = sharedProductNames(cases.map((c) => c.text));
    const r = scoreCases(cases, (text, opts) => extractActivity(text, { ...opts, knownProducts }));
    const misses = r.misses.map((m) => `#${m.index + 1} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
    expect(r.overall.accuracy, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  });
});
