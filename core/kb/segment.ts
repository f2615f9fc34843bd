import type { KbArticle } from './article.ts';
import { jieba } from './jieba.ts';
import { normaliseNumbers, numberKeys } from './numbers.ts';
import { stem } from './stem.ts';
import { isStopword, STOP_EN } from './stopwords.ts';

/**
 * Chinese-first tokenizer. A CJK run is cut by jieba (dictionary mode, no HMM: HMM invents words
 * out of typos such as "办四心"), then every term of a dictionary grown from the KB itself
 * (tags, short titles, product names) and from the synonym table is added where it occurs, so
 * "三星卡" or "调理食品" count as one term even where jieba splits them. Character bigrams
 * ("~体检") are a safety net for words neither dictionary knows. English words are lower-cased
 * and lightly stemmed; amounts ≥ 100 also get rounded keys ("#12e3") for colloquial prices.
 *
 * Measured on the dev set (68 answerable + 12 unanswerable), everything else equal:
 *                      ranking only (no abstention)      with abstention (coverage ≥ 0.4)
 *   jieba              hit@1 .647 hit@3 .838 MRR .746     hit@1 .544 hit@3 .706 MRR .629 abst .75 (13 false)
 *   Intl.Segmenter     hit@1 .632 hit@3 .868 MRR .756     hit@1 .515 hit@3 .647 MRR .592 abst .75 (19 false)
 * jieba is kept: better top-1 and far fewer false abstentions (its words match the coverage lexicon).
 */

/** One unit of meaning in the text, with its position for typo correction. */
export interface Unit {
  /** The word as written (after normalisation); a stem for English. */
  text: string;
  start: number;
  end: number;
  cjk: boolean;
}

export type WordCutter = (run: string) => string[];

export const jiebaCutter: WordCutter = (run) => jieba().cut(run, false);

const intl = new Intl.Segmenter('zh', { granularity: 'word' });
export const intlCutter: WordCutter = (run) => Array.from(intl.segment(run), (s) => s.segment);

/** Full-width → half-width, lower case, Han numerals → digits, thousands separators dropped. */
export function normalise(text: string): string {
  return normaliseNumbers(text.normalize('NFKC').toLowerCase());
}

const SEGMENT = /(\p{Script=Han}+)|([a-z][a-z'-]*[a-z]|[a-z])|(\d+(?:\.\d+)?)/gu;

const HAN = /^\p{Script=Han}+$/u;

/** Terms worth a place in the user dictionary: short Han phrases, as a title or tag is cut at punctuation. */
function dictionaryTerms(text: string): string[] {
  return normalise(text)
    .split(/[^\p{Script=Han}]+/u)
    .filter((s) => s.length >= 2 && s.length <= 6);
}

/** The KB's own vocabulary: tags, titles cut at punctuation, and the product names in titles. */
export function kbDictionary(articles: readonly KbArticle[]): string[] {
  const terms = new Set<string>();
  for (const a of articles) {
    for (const t of a.tags) for (const s of dictionaryTerms(t)) terms.add(s);
    for (const s of dictionaryTerms(a.title)) terms.add(s);
  }
  return [...terms];
}

export class Segmenter {
  private readonly dict: Set<string>;
  private readonly maxLen: number;

  constructor(
    dictionary: Iterable<string>,
    private readonly cut: WordCutter = jiebaCutter,
  ) {
    this.dict = new Set([...dictionary].map(normalise).filter((t) => HAN.test(t) && t.length >= 2));
    this.maxLen = Math.max(2, ...[...this.dict].map((t) => t.length));
  }

  hasTerm(term: string): boolean {
    return this.dict.has(term);
  }

  /**
   * Units of meaning, for coverage: jieba's words, merged where a longer dictionary term spans
   * several of them ("磁疗/贴" → "磁疗贴"). Stop words are dropped.
   */
  units(normalised: string): Unit[] {
    return this.words(normalised).filter((u) => !(u.cjk ? isStopword(u.text) : STOP_EN.has(u.text)));
  }

  /** Every word of the text with its position, stop words included (word boundaries for typos). */
  words(normalised: string): Unit[] {
    const units: Unit[] = [];
    for (const m of normalised.matchAll(SEGMENT)) {
      const at = m.index ?? 0;
      if (m[1]) {
        const run = m[1];
        const words = this.cut(run);
        let pos = 0;
        let i = 0;
        while (i < words.length) {
          // Longest dictionary term starting here that ends on a word boundary.
          let end = pos + (words[i] ?? '').length;
          let j = i + 1;
          let spanEnd = end;
          let spanJ = j;
          while (j < words.length && end - pos < this.maxLen) {
            end += (words[j] ?? '').length;
            j++;
            if (this.dict.has(run.slice(pos, end))) {
              spanEnd = end;
              spanJ = j;
            }
          }
          const text = run.slice(pos, spanEnd);
          units.push({ text, start: at + pos, end: at + spanEnd, cjk: true });
          pos = spanEnd;
          i = spanJ;
        }
      } else if (m[2]) {
        // "3-star" and "Three-Star" must meet on "star": hyphenated words count by their parts.
        let off = 0;
        for (const part of m[2].split('-')) {
          if (part) {
            const w = STOP_EN.has(part) ? part : stem(part);
            units.push({ text: w, start: at + off, end: at + off + part.length, cjk: false });
          }
          off += part.length + 1;
        }
      } else if (m[3]) {
        units.push({ text: m[3], start: at, end: at + m[3].length, cjk: false });
      }
    }
    return units;
  }

  /** Index terms of a normalised text: words, dictionary terms, bigrams ("~xy"), characters ("^x") and number keys. */
  terms(normalised: string): string[] {
    const out: string[] = [];
    for (const m of normalised.matchAll(SEGMENT)) {
      if (m[1]) {
        const run = m[1];
        for (const w of this.cut(run)) if (!isStopword(w)) out.push(w);
        for (let i = 0; i < run.length; i++) {
          for (let len = 2; len <= this.maxLen && i + len <= run.length; len++) {
            const t = run.slice(i, i + len);
            if (this.dict.has(t)) out.push(t);
          }
          if (i + 1 < run.length) {
            const bigram = run.slice(i, i + 2);
            if (!isStopword(bigram)) out.push(`~${bigram}`);
          }
          const ch = run[i]!;
          if (!isStopword(ch)) out.push(`^${ch}`);
        }
      } else if (m[2]) {
        for (const part of m[2].split('-')) if (part && !STOP_EN.has(part)) out.push(stem(part));
      } else if (m[3]) {
        out.push(m[3]);
        out.push(...numberKeys(Number(m[3])));
      }
    }
    return out;
  }
}
