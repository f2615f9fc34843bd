import type { EmbeddingPort } from '../../core/knowledge/embeddings.ts';
import type { Config } from '../config.ts';
import { createOpenAiEmbeddings } from './openai-embeddings.ts';

/** Embedding-based retrieval when OPENAI_EMBEDDING_MODEL is configured, else nothing. */
export function semanticFrom(config: Config): { embedder: EmbeddingPort; minSimilarity: number } | undefined {
  const o = config.openai;
  if (!o?.embeddingModel) return undefined;
  return {
    embedder: createOpenAiEmbeddings({ apiKey: o.apiKey, baseUrl: o.baseUrl, model: o.embeddingModel, timeoutMs: o.timeoutMs }),
    minSimilarity: o.embeddingMinSimilarity,
  };
}
