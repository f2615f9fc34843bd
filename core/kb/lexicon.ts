import { createRequire } from 'node:module';

/**
 * The general-language lexicon that ships with jieba: its IDF table says how specific a word is
 * in ordinary Chinese ("客户" 6.1, "防腐剂" 9.5) independent of any one knowledge base, which is
 * what abstention needs to judge the words of a question the KB does not contain; its dictionary
 * gives each word's part of speech ("厂家" n, "明天" t, "挂掉" v).
 */
const require = createRequire(import.meta.url);

let generalIdf: Map<string, number> | null = null;

export function loadGeneralIdf(): Map<string, number> {
  if (generalIdf) return generalIdf;
  const { idf } = require('@node-rs/jieba/dict') as { idf: Uint8Array };
  const map = new Map<string, number>();
  eachLine(Buffer.from(idf).toString('utf8'), (text, start, end) => {
    const sp = text.indexOf(' ', start);
    if (sp > start && sp < end) map.set(text.slice(start, sp), Number(text.slice(sp + 1, end)));
  });
  generalIdf = map;
  return map;
}

let dictText: string | null = null;
let dictLines: Uint32Array | null = null;

/**
 * Part of speech of a word in jieba's dictionary ("word frequency tag" lines, sorted by word),
 * found by binary search: indexing 350,000 lines into a Map would add ~0.3 s to every start.
 */
export function partOfSpeech(word: string): string | undefined {
  if (!dictText || !dictLines) {
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const text = Buffer.from(dict).toString('utf8');
    const starts: number[] = [];
    eachLine(text, (_, start) => starts.push(start));
    dictText = text;
    dictLines = Uint32Array.from(starts);
  }
  const text = dictText;
  let lo = 0;
  let hi = dictLines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = dictLines[mid]!;
    const key = text.slice(start, text.indexOf(' ', start));
    if (key === word) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end).trim();
      return line.slice(line.lastIndexOf(' ') + 1);
    }
    if (key < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Calls `fn` with the bounds of each line: a few times faster than split('\n') on 350,000 lines. */
function eachLine(text: string, fn: (text: string, start: number, end: number) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) fn(text, start, end);
    start = end + 1;
  }
}

/** Median of the table: the specificity of a word jieba knows nothing about is taken as this. */
export const UNKNOWN_WORD_IDF = 11.5;
