/**
 * The embedding port over any OpenAI-compatible /embeddings endpoint. No retries: a failure falls
 * back to lexical retrieval at once.
 */
import { lazyOpenAi } from './openai-client.ts';
import type { EmbeddingPort } from '../../core/knowledge/embeddings.ts';

export interface OpenAiEmbeddingConfig {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
}

export function createOpenAiEmbeddings(config: OpenAiEmbeddingConfig): EmbeddingPort {
  const client = lazyOpenAi({ apiKey: config.apiKey, baseURL: config.baseUrl, timeout: config.timeoutMs, maxRetries: 0 });
  return {
    async embed(texts) {
      if (!texts.length) return [];
      const response = await (await client()).embeddings.create({ model: config.model, input: texts });
      const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      if (vectors.length !== texts.length) throw new Error(`expected ${texts.length} embeddings, got ${vectors.length}`);
      return vectors;
    },
  };
}
