import { describe, expect, it } from 'vitest';
import { reportsSpeech } from '../../core/kb/abstain.ts';
import type { KbArticle } from '../../core/kb/article.ts';
import { KbIndex } from '../../core/kb/index.ts';
import { lemma } from '../../core/kb/morphology.ts';
import { numberKeys } from '../../core/kb/numbers.ts';
import { elisions, isTopicWord, joinAcrossFillers, joinUnknownChars, specificity, splitMisCuts } from '../../core/kb/query.ts';
import type { Unit } from '../../core/kb/segment.ts';

const units = (...words: Array<[string, number]>): Unit[] => words.map(([text, start]) => ({ text, start, end: start + text.length, cjk: true }));
const texts = (us: Unit[]) => us.map((u) => u.text);

describe('English question words', () => {
  const en = (text: string): Unit => ({ text, start: 0, end: text.length, cjk: false });
  it('weighs everyday words ("how long until it actually works") low and never as the topic', () => {
    for (const w of ['long', 'until', 'actual', 'way']) {
      expect(specificity(en(w), null, false)).toBeLessThan(specificity(en('warranty'), null, false));
      expect(isTopicWord(en(w))).toBe(false);
    }
    expect(isTopicWord(en('commission'))).toBe(true);
  });
});

describe('colloquial forms', () => {
  it('reduces spoken verb forms to their verb and leaves other words alone', () => {
    expect(['瞅瞅', '商量商量', '想一想', '卖不卖', '听不清', '挂掉', '查出来', '付清'].map(lemma)).toEqual(['瞅', '商量', '想', '卖', '听', '挂', '查', '付']);
    expect(lemma('挂断')).toBeNull();
    expect(lemma('客户')).toBeNull();
  });

  it('hears a price just under a round number as that number', () => {
    expect(numberKeys(3999)).toContain('#4e3');
    expect(numberKeys(899)).toContain('#9e2');
    expect(numberKeys(12800)).not.toContain('#13e3');
  });

  it('tells reported speech from asking what to say', () => {
    expect(reportsSpeech('大叔说他身体好')).toBe(true);
    expect(reportsSpeech('she says she is fit')).toBe(true);
    expect(reportsSpeech('开头怎么说')).toBe(false);
    expect(reportsSpeech('推卡的说法')).toBe(false);
  });
});

describe('repairs of the word cut', () => {
  const kb = new Set(['通', '挂断', '别打', '时段']);
  const isKb = (t: string) => kb.has(t);

  it('splits a rare mis-cut word into the parts the KB uses', () => {
    expect(texts(splitMisCuts(units(['多少', 0], ['通才', 2], ['算', 4]), isKb))).toEqual(['多少', '通', '算']);
    expect(texts(splitMisCuts(units(['新人', 0]), (t) => t === '新'))).toEqual(['新人']); // a common word stays
  });

  it('joins characters neither jieba nor the KB knows into one unknown word', () => {
    expect(texts(joinUnknownChars(units(['外', 0], ['呼', 1], ['系统', 2]), isKb))).toEqual(['外呼', '系统']);
  });

  it('joins a set phrase across the pronoun inside it', () => {
    expect(texts(joinAcrossFillers(units(['别', 0], ['打电话', 3]), isKb))).toEqual(['别打', '打电话']);
  });

  it('reads a spoken word with one character more as the written term', () => {
    expect(elisions('时间段', isKb)).toEqual(['时段']);
  });
});

describe('retrieval with colloquial questions', () => {
  const art = (slug: string, title: string, body: string): KbArticle => ({ slug, kind: 'policy', title, tags: [], lang: 'zh', questions: [], body, sourcePath: null });
  const index = KbIndex.build([
    art('do-not-call', '客户要求不再来电', '客户说不要再打了，当场确认，挂断后登记勿扰。'),
    art('recording', '通话录音', '所有电话都会录音，开场时告知客户。'),
    art('refund', '退款规则', '付款后7天内可以退款。'),
  ]);

  it('finds the do-not-call rule behind a pronoun and refuses an off-topic question', () => {
    const r = index.search('客户让我以后别给他打电话了');
    expect(r.hits[0]?.slug).toBe('do-not-call');
    expect(r.answered).toBe(true);
    expect(index.search('你们卖不卖空气净化器').answered).toBe(false);
  });
});
