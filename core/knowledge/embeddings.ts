/**
 * Optional semantic retrieval: article and question embeddings from any OpenAI-compatible
 * endpoint, fused with the lexical ranking by reciprocal rank fusion. Vectors are kept in memory
 * (keyed by the article's content hash) and compared in process, so nothing depends on the
 * pgvector extension (Debian's PostgreSQL 15 has none); without an embedding model, or when the
 * endpoint fails, retrieval is the lexical ranking alone.
 */
import type { SearchHit, SearchResult } from '../kb/index.ts';
import type { Logger } from '../ports.ts';
import type { ArticleRecord } from '../records.ts';

export interface EmbeddingPort {
  /** One vector per text, in order. Throws on timeout or HTTP error. */
  embed(texts: string[]): Promise<number[][]>;
}

/** Reciprocal rank fusion constant: the usual 60 keeps any one ranking from dominating. */
const RRF_K = 60;
const BATCH = 64;
const MAX_TEXT = 2_000;

export interface SemanticOptions {
  /** A question this similar to an article is answerable even when the lexical side abstains. */
  minSimilarity: number;
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** What an article's vector is made of: what it is about, then what it says. */
export function articleText(a: ArticleRecord): string {
  return [a.title, a.tags.join(' '), a.questions.join('\n'), a.body].join('\n').slice(0, MAX_TEXT);
}

export class SemanticIndex {
  private vectors = new Map<string, number[]>();

  constructor(
    private readonly embedder: EmbeddingPort,
    private readonly logger: Logger,
    private readonly opts: SemanticOptions,
  ) {}

  /** Embeds the articles it has no vector for (by content hash); keeps going without those that fail. */
  async update(articles: ArticleRecord[]): Promise<void> {
    const key = (a: ArticleRecord) => `${a.slug}:${a.contentHash ?? ''}`;
    const missing = articles.filter((a) => !this.vectors.has(key(a)));
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      try {
        const vectors = await this.embedder.embed(batch.map(articleText));
        batch.forEach((a, j) => vectors[j] && this.vectors.set(key(a), vectors[j]!));
      } catch (err) {
        this.logger.warn({ err: (err as Error).message, articles: batch.length }, 'embedding articles failed; lexical retrieval only for them');
        return;
      }
    }
  }

  /**
   * Fuses the lexical result with the question's nearest articles. Falls back to the lexical
   * result (with a log line) when the question cannot be embedded.
   */
  async fuse(query: string, lexical: SearchResult, articles: ArticleRecord[], limit: number): Promise<SearchResult> {
    let q: number[] | undefined;
    try {
      [q] = await this.embedder.embed([query.slice(0, MAX_TEXT)]);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'embedding the question failed; lexical retrieval only');
      return lexical;
    }
    if (!q) return lexical;
    const semantic = articles
      .map((a) => ({ a, sim: this.vectors.has(`${a.slug}:${a.contentHash ?? ''}`) ? cosine(q!, this.vectors.get(`${a.slug}:${a.contentHash ?? ''}`)!) : -1 }))
      .filter((x) => x.sim >= 0)
      .sort((x, y) => y.sim - x.sim);
    if (!semantic.length) return lexical;

    const fused = new Map<string, { hit: SearchHit; score: number }>();
    const add = (hit: SearchHit, rank: number) => {
      const entry = fused.get(hit.slug) ?? { hit, score: 0 };
      entry.score += 1 / (RRF_K + rank + 1);
      fused.set(hit.slug, entry);
    };
    lexical.hits.forEach((h, rank) => add(h, rank));
    semantic.slice(0, Math.max(limit, lexical.hits.length)).forEach(({ a }, rank) => add({ slug: a.slug, title: a.title, kind: a.kind, score: 0 }, rank));
    const hits = [...fused.values()]
      .sort((x, y) => y.score - x.score)
      .slice(0, limit)
      .map(({ hit, score }) => ({ ...hit, score: Math.round(score * 10_000) / 10_000 }));
    const best = semantic[0]!.sim;
    return { ...lexical, hits, answered: lexical.answered || best >= this.opts.minSimilarity };
  }
}
