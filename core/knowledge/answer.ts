/**
 * Turning retrieved articles into an answer. Without an LLM: the best article's relevant part,
 * with its title as the citation. With one: a short answer written from the top articles only,
 * whose figures are checked against those articles (anything unverifiable → the excerpt instead).
 */
import { z } from 'zod';
import { bestExcerpt } from '../kb/excerpt.ts';
import type { LlmPort, Logger } from '../ports.ts';
import { loadPrompt } from '../prompts.ts';
import type { ArticleRecord } from '../records.ts';

export interface Answer {
  text: string;
  /** The articles the answer is drawn from, first = main citation. */
  sources: ArticleRecord[];
  /** The LLM read the articles and found no answer in them. */
  insufficient: boolean;
  byLlm: boolean;
}

const LlmAnswer = z.object({
  answer: z.string().default(''),
  sources: z.array(z.string()).default([]),
  insufficient: z.boolean().default(false),
});

/** Articles handed to the model: the top few, each cut to a sensible length. */
const CONTEXT_ARTICLES = 3;
const MAX_ARTICLE_CHARS = 2_500;

/** Every number in a text, without thousands separators ("¥6,800" → "6800", "3.5" → "3.5"). */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d[\d,，]*(?:\.\d+)?/g)].map((m) => m[0].replace(/[,，]/g, ''));
}

/** True when every figure of the answer appears in the articles it may use. */
export function figuresGrounded(answer: string, articles: ArticleRecord[]): boolean {
  const known = new Set(articles.flatMap((a) => numbersIn(`${a.title}\n${a.body}\n${a.questions.join('\n')}`)));
  return numbersIn(answer).every((n) => known.has(n));
}

export function excerptAnswer(question: string, articles: ArticleRecord[]): Answer {
  const [best] = articles;
  if (!best) return { text: '', sources: [], insufficient: true, byLlm: false };
  return { text: bestExcerpt(best, question), sources: [best], insufficient: false, byLlm: false };
}

export async function composeAnswer(
  question: string,
  articles: ArticleRecord[],
  deps: { llm?: LlmPort; logger: Logger },
): Promise<Answer> {
  const fallback = excerptAnswer(question, articles);
  if (!deps.llm || !articles.length) return fallback;
  const context = articles.slice(0, CONTEXT_ARTICLES);
  const user = [
    `Question: ${question.slice(0, 1_000)}`,
    ...context.map((a) => `--- article id: ${a.slug}\ntitle: ${a.title}\n${a.body.slice(0, MAX_ARTICLE_CHARS)}`),
  ].join('\n\n');
  try {
    const parsed = LlmAnswer.safeParse(await deps.llm.completeJson({ system: loadPrompt('kb-answer'), user }));
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'LLM answer did not match the schema; using the excerpt');
      return fallback;
    }
    const { answer, sources, insufficient } = parsed.data;
    if (insufficient) return { text: '', sources: [], insufficient: true, byLlm: true };
    const cited = context.filter((a) => sources.includes(a.slug));
    const usable = cited.length ? cited : context;
    if (!answer.trim()) return fallback;
    if (!figuresGrounded(answer, usable)) {
      deps.logger.warn({ question }, 'LLM answer stated figures the articles do not contain; using the excerpt');
      return fallback;
    }
    return { text: answer.trim(), sources: usable, insufficient: false, byLlm: true };
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'LLM answer failed; using the excerpt');
    return fallback;
  }
}
