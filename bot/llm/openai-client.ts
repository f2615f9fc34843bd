/**
 * The openai client, loaded on first use: the package takes about 0.15 s to load, and most
 * processes (no key configured, or a command that never asks the model) never need it.
 */
import type OpenAI from 'openai';
import type { ClientOptions } from 'openai';

export function lazyOpenAi(options: ClientOptions): () => Promise<OpenAI> {
  let client: Promise<OpenAI> | undefined;
  return () => (client ??= import('openai').then(({ default: OpenAIClient }) => new OpenAIClient(options)));
}
