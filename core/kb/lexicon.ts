import { createRequire } from 'node:module';

/**
 * The general-language lexicon that ships with jieba: its IDF table says how specific a word is
 * in ordinary Chinese ("客户" 6.1, "防腐剂" 9.5) independent of any one knowledge base, which is
 * what abstention needs to judge the words of a question the KB does not contain.
 */
const require = createRequire(import.meta.url);

let generalIdf: Map<string, number> | null = null;

export function loadGeneralIdf(): Map<string, number> {
  if (generalIdf) return generalIdf;
  const { idf } = require('@node-rs/jieba/dict') as { idf: Uint8Array };
  const map = new Map<string, number>();
  for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) map.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  generalIdf = map;
  return map;
}

/** Median of the table: the specificity of a word jieba knows nothing about is taken as this. */
export const UNKNOWN_WORD_IDF = 11.5;
