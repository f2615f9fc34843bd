/**
 * The knowledge base as the rest of the core sees it: a search index over the stored articles,
 * rebuilt only when they change. Another process may change them (several bots on one
 * PostgreSQL), so the stored fingerprint is re-checked at most every few seconds; changes made
 * through this process are seen at once.
 */
import { KbIndex, type SearchResult } from '../kb/index.ts';
import type { Logger, Store } from '../ports.ts';
import { type EmbeddingPort, SemanticIndex } from './embeddings.ts';
import type { ArticleRecord } from '../records.ts';

const RECHECK_MS = 5_000;

interface Snapshot {
  fingerprint: string;
  index: KbIndex;
  bySlug: Map<string, ArticleRecord>;
  productNames: string[];
}

/** Product names the call-log extractor should recognise: tags that a product article's title starts with. */
function productNamesOf(articles: ArticleRecord[]): string[] {
  const names = new Set<string>();
  for (const a of articles) {
    if (a.kind !== 'product') continue;
    for (const tag of a.tags) if (tag.length >= 2 && a.title.toLowerCase().startsWith(tag.toLowerCase())) names.add(tag);
  }
  return [...names];
}

export class KnowledgeService {
  private snapshot: Snapshot | null = null;
  private checkedAt = 0;
  private building: Promise<Snapshot> | null = null;

  private readonly semantic: SemanticIndex | null;

  constructor(
    private readonly store: Store,
    semantic?: { embedder: EmbeddingPort; logger: Logger; minSimilarity: number },
  ) {
    this.semantic = semantic ? new SemanticIndex(semantic.embedder, semantic.logger, { minSimilarity: semantic.minSimilarity }) : null;
  }

  /** Call after changing articles through this process. */
  invalidate(): void {
    this.checkedAt = 0;
  }

  private async current(): Promise<Snapshot> {
    const now = Date.now();
    if (this.snapshot && now - this.checkedAt < RECHECK_MS) return this.snapshot;
    this.building ??= (async () => {
      try {
        const fingerprint = await this.store.knowledge.fingerprint();
        this.checkedAt = Date.now();
        if (this.snapshot?.fingerprint === fingerprint) return this.snapshot;
        const articles = await this.store.knowledge.list();
        if (this.semantic) await this.semantic.update(articles);
        this.snapshot = {
          fingerprint,
          index: KbIndex.build(articles),
          bySlug: new Map(articles.map((a) => [a.slug, a])),
          productNames: productNamesOf(articles),
        };
        return this.snapshot;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  async search(query: string, limit = 5): Promise<{ result: SearchResult; articles: ArticleRecord[] }> {
    const snap = await this.current();
    const lexical = snap.index.search(query, { limit });
    const result = this.semantic ? await this.semantic.fuse(query, lexical, [...snap.bySlug.values()], limit) : lexical;
    const articles = result.hits.map((h) => snap.bySlug.get(h.slug)).filter((a): a is ArticleRecord => a !== undefined);
    return { result, articles };
  }

  async index(): Promise<KbIndex> {
    return (await this.current()).index;
  }

  async productNames(): Promise<string[]> {
    return (await this.current()).productNames;
  }

  async articles(): Promise<ArticleRecord[]> {
    return [...(await this.current()).bySlug.values()];
  }
}
