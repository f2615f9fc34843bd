/**
 * The LLM port over any OpenAI-compatible chat-completions endpoint (OpenAI, Qwen, DeepSeek,
 * Ollama …). No retries here: a failure returns quickly and the caller uses its deterministic path.
 */
import { lazyOpenAi } from './openai-client.ts';
import type { LlmPort } from '../../core/ports.ts';

export interface OpenAiLlmConfig {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
}

/** Models sometimes wrap JSON in a Markdown fence despite being asked not to. */
function unfence(text: string): string {
  const m = text.trim().match(/^```(?:json)?\s*([\s\S]*?)\s*```$/);
  return m?.[1] ?? text.trim();
}

export function createOpenAiLlm(config: OpenAiLlmConfig): LlmPort {
  const client = lazyOpenAi({ apiKey: config.apiKey, baseURL: config.baseUrl, timeout: config.timeoutMs, maxRetries: 0 });

  async function complete(system: string, user: string, json: boolean, timeoutMs?: number): Promise<string> {
    const response = await (await client()).chat.completions.create(
      {
        model: config.model,
        temperature: 0,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
        ...(json ? { response_format: { type: 'json_object' as const } } : {}),
      },
      { timeout: timeoutMs ?? config.timeoutMs },
    );
    const content = response.choices[0]?.message?.content;
    if (typeof content !== 'string' || !content.trim()) throw new Error('LLM returned no content');
    return content;
  }

  return {
    async completeJson({ system, user, timeoutMs }) {
      const text = await complete(system, user, true, timeoutMs);
      try {
        return JSON.parse(unfence(text)) as unknown;
      } catch {
        throw new Error(`LLM returned invalid JSON: ${text.slice(0, 80)}`);
      }
    },
    completeText: ({ system, user, timeoutMs }) => complete(system, user, false, timeoutMs),
  };
}
