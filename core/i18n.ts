import type { Lang } from './domain.ts';

/**
 * Each feature keeps its own texts beside its code: `defineMessages(zh, en)` checks that both
 * languages have the same keys (the English catalogue must match the Chinese one's type) and
 * returns a lookup by language.
 */
export function defineMessages<T extends Record<string, unknown>>(zh: T, en: NoInfer<T>): (lang: Lang) => T {
  return (lang) => (lang === 'en' ? en : zh);
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * Guesses the language of what a user typed: any real Chinese wins (reps mix in English product
 * names), English needs a few words. Returns null when the text says nothing (a command, digits).
 */
export function detectLang(text: string): Lang | null {
  const body = text.trim();
  const han = body.match(HAN)?.length ?? 0;
  if (han >= 2 || (han === 1 && body.length <= 3)) return 'zh';
  const words = body.match(LATIN_WORD)?.length ?? 0;
  if (words >= 2) return 'en';
  return null;
}
