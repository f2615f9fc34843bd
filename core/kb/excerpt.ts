import type { KbArticle } from './article.ts';
import { normalise } from './segment.ts';
import { isStopword } from './stopwords.ts';

/**
 * The part of an article that answers the question, for replies without an LLM: the paragraph or
 * list item sharing most with the question (character bigrams for Han, words for English), widened
 * with its neighbours while it stays short. Never the whole article unless the article is short.
 */
const LIMIT = { zh: 400, en: 600 } as const;

function features(text: string): Set<string> {
  const n = normalise(text);
  const out = new Set<string>();
  for (const run of n.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!isStopword(bigram)) out.add(bigram);
    }
  }
  for (const w of n.match(/[a-z]{3,}/g) ?? []) if (!isStopword(w)) out.add(w.replace(/(ing|ed|es|s)$/, ''));
  for (const d of n.match(/\d+/g) ?? []) out.add(d);
  return out;
}

/** Blocks of the body: paragraphs, and each list item or table row on its own. */
function blocks(body: string): string[] {
  const out: string[] = [];
  for (const para of body.split(/\n\s*\n/)) {
    const lines = para.split('\n').map((l) => l.trim()).filter(Boolean);
    const itemized = lines.length > 1 && lines.some((l) => /^([-*+]|\d+[.)、]|\|)/.test(l));
    if (itemized) out.push(...lines.filter((l) => !/^\|?[\s:|-]+\|?$/.test(l)));
    else if (lines.length) out.push(lines.join('\n'));
  }
  return out;
}

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(...['。', '！', '？', '；', '. ', '! ', '? ', '\n'].map((p) => cut.lastIndexOf(p)));
  return `${end > limit / 3 ? cut.slice(0, end + 1).trimEnd() : cut.trimEnd()}…`;
}

export function bestExcerpt(article: KbArticle, query: string): string {
  const limit = LIMIT[article.lang ?? 'zh'];
  const body = article.body.trim();
  if (body.length <= limit) return body;
  const parts = blocks(body);
  const q = features(query);
  const scores = parts.map((p) => {
    const f = features(p);
    let s = 0;
    for (const x of q) if (f.has(x)) s++;
    return s / Math.sqrt(1 + f.size / 20); // a long block should not win by length alone
  });
  let best = 0;
  scores.forEach((s, i) => {
    if (s > (scores[best] ?? 0)) best = i;
  });
  // Nothing in common: the opening of the article says what it is about.
  if ((scores[best] ?? 0) === 0) best = 0;
  let from = best;
  let to = best;
  let text = parts[best] ?? '';
  // Widen with the lead-in line ("…分四步：") and following items while it fits.
  const lead = parts[from - 1];
  if (lead && /[:：]$/.test(lead) && lead.length + text.length + 1 <= limit) {
    text = `${lead}\n${text}`;
    from--;
  }
  while (to + 1 < parts.length && text.length + (parts[to + 1]?.length ?? 0) + 1 <= limit * 0.6) {
    text = `${text}\n${parts[++to]}`;
  }
  return clip(text, limit);
}
