/**
 * Every weight of the ranking and of the coverage signal in one place, so the dev set and the
 * invented KBs of test/kb can be measured against the same numbers (and a sweep can vary them).
 * They were chosen by coordinate search over the dev set and four invented KBs together
 * (test/kb/fixtures); a fifth (gym) is held out of all tuning. The abstention model's own
 * weights live in abstain.ts.
 */
export interface KbTuning {
  k1: number;
  /** Field weights and length normalisation: title, example questions, tags, body. */
  fields: readonly [FieldTuning, FieldTuning, FieldTuning, FieldTuning];
  /** Query-term weights by where the term came from. */
  wWord: number;
  /** A one-character word jieba leaves ("打", "算") is vague: it weighs less than a word. */
  wSingle: number;
  wSynonym: number;
  wTypo: number;
  wBigram: number;
  wNumber: number;
  /** The verb of a colloquial form ("挂掉" → "挂", "挂断") and the KB words a rare character starts. */
  wLemma: number;
  /** Weight of the best match of the question against one short text (title or example question). */
  wShort: number;
  /** Short-text similarity = (share of the question matched)^shortQ × (share of the short text matched)^shortS. */
  shortQ: number;
  shortS: number;
  /** Coverage: word weight = general IDF ^ covPow, × covUnknown for words the KB never uses. */
  covPow: number;
  covUnknown: number;
  /** Coverage credit for a word whose characters (not the word) occur in the article, per character. */
  covChar: number;
  /** Credit for a word the KB never uses whose characters all occur in the article ("嫌贵" vs "嫌…太贵"). */
  covAllChars: number;
}

interface FieldTuning {
  weight: number;
  b: number;
}

export const DEFAULT_TUNING: KbTuning = {
  k1: 1.8,
  fields: [
    { weight: 3, b: 0.3 },
    { weight: 2.5, b: 0.5 },
    { weight: 2, b: 0.3 },
    { weight: 1, b: 0.5 },
  ],
  wWord: 1,
  wSingle: 1,
  wSynonym: 0.9,
  wTypo: 0.7,
  wBigram: 0.3,
  wNumber: 0.8,
  wLemma: 0.6,
  wShort: 0.7,
  shortQ: 0.5,
  shortS: 0.5,
  covPow: 2,
  covUnknown: 1.5,
  covChar: 0.3,
  covAllChars: 0.6,
};
