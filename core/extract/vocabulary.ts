/**
 * A team's product names, learnt from its own logs: a name the extractor finds in one log and the
 * team writes in at least one other is a product the team sells ("热水器全保意向还行" has no cue of
 * its own, but "对热水器全保很感兴趣" elsewhere does). Requiring a second log keeps a one-off
 * mis-cut ("比我们清洗套餐") out; known names then win over the generic shapes in every log.
 */
import { findProducts } from './products.ts';
import { normalizeText } from './text.ts';

export function sharedProductNames(texts: readonly string[], known: readonly string[] = []): string[] {
  const logs = texts.map((t) => normalizeText(t).toLowerCase());
  const candidates = new Set(texts.flatMap((t) => findProducts(normalizeText(t), [...known])));
  return [...candidates].filter((name) => {
    const needle = name.toLowerCase();
    let seen = 0;
    for (const log of logs) if (log.includes(needle) && ++seen >= 2) return true;
    return false;
  });
}
