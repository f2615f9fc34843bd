/**
 * Typo tolerance for Chinese: reps type by pinyin and pick the wrong homophone ("体捡", "分其付",
 * "四心卡"). A stretch of the question that is no word anywhere (not in jieba's lexicon, not in
 * the KB) but differs by one character from a KB dictionary term is read as that term.
 * Real words are never corrected, so "底薪" stays an unknown word and can still cause abstention.
 */
export interface Correction {
  start: number;
  end: number;
  term: string;
}

export class TypoCorrector {
  /** "体?" → ["体检", "体验"]: each dictionary term under each one-character wildcard. */
  private readonly byPattern = new Map<string, string[]>();

  constructor(
    dictionary: Iterable<string>,
    private readonly isKnown: (s: string) => boolean,
    /** A common word of general Chinese ("介绍", "客户"): a stretch holding one is no typo ("往下介绍" ≠ "转介绍"). */
    private readonly isCommon: (s: string) => boolean = () => false,
  ) {
    for (const term of dictionary) {
      const chars = [...term];
      if (chars.length < 2 || chars.length > 4) continue;
      for (let i = 0; i < chars.length; i++) {
        const key = pattern(chars, i);
        const list = this.byPattern.get(key);
        if (list) list.push(term);
        else this.byPattern.set(key, [term]);
      }
    }
  }

  /**
   * Corrections for a normalised text, given the word boundaries of its cut (start offsets of
   * each word, and which words are single characters). A candidate stretch must start and end on
   * word boundaries and its replaced character must be a lone character: a typo breaks the word
   * it is in into single characters, while real words around it stay whole.
   */
  corrections(normalised: string, words: Array<{ start: number; end: number }>): Correction[] {
    const out: Correction[] = [];
    const starts = new Set(words.map((w) => w.start));
    const ends = new Set(words.map((w) => w.end));
    const lone = new Set(words.filter((w) => w.end - w.start === 1).map((w) => w.start));
    for (const m of normalised.matchAll(/\p{Script=Han}+/gu)) {
      const run = [...m[0]];
      const at = m.index ?? 0;
      for (let len = 2; len <= 4; len++) {
        for (let i = 0; i + len <= run.length; i++) {
          if (!starts.has(at + i) || !ends.has(at + i + len)) continue;
          const chars = run.slice(i, i + len);
          const s = chars.join('');
          if (this.isKnown(s)) continue;
          const whole = words.some((w) => w.start >= at + i && w.end <= at + i + len && w.end - w.start >= 2 && this.isCommon(normalised.slice(w.start, w.end)));
          if (whole) continue;
          for (let k = 0; k < len; k++) {
            if (!lone.has(at + i + k)) continue;
            for (const term of this.byPattern.get(pattern(chars, k)) ?? []) {
              out.push({ start: at + i, end: at + i + len, term });
            }
          }
        }
      }
    }
    return out;
  }
}

function pattern(chars: string[], i: number): string {
  return chars.map((c, j) => (j === i ? '?' : c)).join('');
}
