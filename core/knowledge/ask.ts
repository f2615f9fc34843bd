/**
 * One question → an answer or an honest "no answer", with the articles it rests on. Shared by the
 * chat and by `salesbot ask`, so both answer the same way.
 */
import type { LlmPort, Logger } from '../ports.ts';
import type { ArticleRecord } from '../records.ts';
import { composeAnswer } from './answer.ts';
import type { KnowledgeService } from './service.ts';

/** Questions are a sentence or two; the rest of a long paste adds noise, not meaning. */
export const MAX_QUESTION = 500;

/** A related article must score at least this share of the best one. */
const RELATED_SHARE = 0.6;

export interface AskResult {
  answered: boolean;
  answer: string;
  /** The cited articles with their retrieval scores (empty when not answered). */
  sources: Array<{ article: ArticleRecord; score: number }>;
  /** Other relevant articles, for "see also". */
  related: ArticleRecord[];
}

export async function ask(knowledge: KnowledgeService, question: string, deps: { llm?: LlmPort; logger: Logger }): Promise<AskResult> {
  const q = question.trim().slice(0, MAX_QUESTION);
  const { result, articles } = await knowledge.search(q, 5);
  if (!result.answered || !articles.length) return { answered: false, answer: '', sources: [], related: [] };
  const answer = await composeAnswer(q, articles, deps);
  if (answer.insufficient || !answer.text) return { answered: false, answer: '', sources: [], related: [] };
  const score = new Map(result.hits.map((h) => [h.slug, h.score]));
  const cited = new Set(answer.sources.map((a) => a.slug));
  // "See also" only for articles nearly as relevant as the best one, not whatever ranked next.
  const bar = RELATED_SHARE * (result.hits[0]?.score ?? 0);
  return {
    answered: true,
    answer: answer.text,
    sources: answer.sources.map((article) => ({ article, score: score.get(article.slug) ?? 0 })),
    related: articles.filter((a) => !cited.has(a.slug) && (score.get(a.slug) ?? 0) >= bar),
  };
}
