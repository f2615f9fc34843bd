import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../../core/kb/article.ts';
import { bestExcerpt } from '../../core/kb/excerpt.ts';
import { evaluate } from '../../core/kb/eval.ts';
import { KbIndex } from '../../core/kb/index.ts';
import { SCHOOL_KB, SCHOOL_QUESTIONS } from './fixtures/language-school.ts';
import { GUARD_SETS, HELD_OUT_SET, petSet, type QuestionSet, solarSet, warrantySet } from './fixtures/sets.ts';

const art = (slug: string, kind: KbArticle['kind'], title: string, tags: string[], body: string): KbArticle => ({
  slug, kind, title, tags, lang: 'zh', questions: [], body, sourcePath: null,
});

const KB = SCHOOL_KB;
const index = KbIndex.build(KB);

describe('retrieval on an unseen KB of another company', () => {
  it.each(SCHOOL_QUESTIONS.filter((c) => c.expect.length).map((c) => [c.q, c.expect[0]!] as const))('%s → %s', (q, slug) => {
    const r = index.search(q);
    expect(r.hits[0]?.slug).toBe(slug);
    expect(r.answered).toBe(true);
  });

  it.each(SCHOOL_QUESTIONS.filter((c) => c.expect.length === 0).map((c) => c.q))('abstains on off-topic: %s', (q) => {
    expect(index.search(q).answered).toBe(false);
  });
});

/**
 * Floors for the invented companies (fixtures/sets.ts), measured after issue #4's work; before it
 * (hit@1 / hit@3 / abstention, ranking alone in brackets): school .909/.909/1 (1/1), broadband
 * .737/.789/.833 (.895/1), water purifier .519/.556/.75 (.667/.778), insurance .619/.667/.571
 * (.857/.905), gym .65/.70/.857 (.80/.90). The first four were tuned against; gym was held out.
 */
const FLOORS: Record<string, { hit1: number; hit3: number; abstention: number; ranking1: number; ranking3: number }> = {
  'language school': { hit1: 1, hit3: 1, abstention: 1, ranking1: 1, ranking3: 1 },
  broadband: { hit1: 0.89, hit3: 0.94, abstention: 0.83, ranking1: 0.89, ranking3: 1 },
  'water purifier': { hit1: 0.81, hit3: 0.92, abstention: 0.87, ranking1: 0.81, ranking3: 0.92 },
  insurance: { hit1: 0.9, hit3: 0.95, abstention: 0.57, ranking1: 0.95, ranking3: 1 },
  'gym (held out)': { hit1: 0.85, hit3: 0.9, abstention: 1, ranking1: 0.85, ranking3: 0.9 },
  // Written blind (fixtures/sets.ts); first run .603/.759/.25 (.655/.845). Abstention is the weak spot.
  'solar (blind)': { hit1: 0.82, hit3: 0.94, abstention: 0.33, ranking1: 0.82, ranking3: 0.94 },
  // Written blind in the dev set's proportions; first run .691/.824/.417 (.75/.897).
  'warranty (blind)': { hit1: 0.85, hit3: 0.97, abstention: 0.58, ranking1: 0.85, ranking3: 0.97 },
  // Written blind after that vocabulary work; first run .779/.912/.50 (.809/.941).
  'pet (blind)': { hit1: 0.79, hit3: 0.91, abstention: 0.5, ranking1: 0.82, ranking3: 0.94 },
};

describe('KBs of other companies: metrics floors', () => {
  it.each([...GUARD_SETS, HELD_OUT_SET].map((s) => [s.name, s] as const))('%s', (name, set) => meetsFloors(name, set));
  it('solar (blind)', async () => meetsFloors('solar (blind)', await solarSet()));
  it('warranty (blind)', async () => meetsFloors('warranty (blind)', await warrantySet()));
  it('pet (blind)', async () => meetsFloors('pet (blind)', await petSet()));

  function meetsFloors(name: string, { kb, questions }: QuestionSet) {
    const { misses, ...m } = evaluate(KbIndex.build(kb), questions);
    const ranking = evaluate(KbIndex.build(kb, { abstain: false }), questions.filter((c) => c.expect.length));
    console.log(`${name} KB metrics`, m, 'ranking only', { hit1: ranking.hit1, hit3: ranking.hit3 }, '\nmisses:\n' + misses.map((x) => JSON.stringify(x)).join('\n'));
    const f = FLOORS[name]!;
    expect(m.hit1).toBeGreaterThanOrEqual(f.hit1);
    expect(m.hit3).toBeGreaterThanOrEqual(f.hit3);
    expect(m.abstention).toBeGreaterThanOrEqual(f.abstention);
    expect(ranking.hit1).toBeGreaterThanOrEqual(f.ranking1);
    expect(ranking.hit3).toBeGreaterThanOrEqual(f.ranking3);
  }
});

describe('bestExcerpt', () => {
  it('returns the relevant part of a long article, within the length budget', () => {
    const long = art('long', 'process', '投诉处理', ['流程'], [
      '投诉处理分四步：',
      '1. 受理：认真听，记下客户、时间、问题和诉求；当天登记投诉。',
      '2. 调查：组长调取通话录音和订单记录。',
      '3. 解决并回复：按政策处理，在承诺时间内回电。',
      '4. 复盘：每周例会讨论当周的投诉。',
      '',
      '投诉率 = 投诉数 ÷ 接通数，计入月度考核。'.repeat(3),
      '',
      '附录：'.concat('历史案例说明。'.repeat(60)),
    ].join('\n'));
    const ex = bestExcerpt(long, '投诉了要不要调取录音');
    expect(ex).toContain('调取通话录音');
    expect(ex.length).toBeLessThanOrEqual(401);
    expect(ex).not.toContain('历史案例');
  });
});
