/**
 * A local OpenAI-compatible server for tests: the real `openai` client talks HTTP to it. Each test
 * says how it answers (content, status, delay, broken body) and reads back the requests it got.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInAnswer {
  /** Assistant message content (string) — or an object, sent as its JSON text. */
  content?: string | object;
  status?: number;
  /** Sent as the whole body instead of a chat completion. */
  rawBody?: string;
  delayMs?: number;
}

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string };
}

export interface OpenAiStandIn {
  baseUrl: string;
  requests: ChatRequest[];
  answer: (request: ChatRequest) => StandInAnswer;
  /** How /embeddings turns a text into a vector (set by embedding tests). */
  embed: (text: string) => number[];
  /** HTTP status /embeddings answers with instead of vectors (e.g. 500). */
  embeddingStatus?: number;
  /** Every text /embeddings was asked for. */
  embedded: string[];
  close(): Promise<void>;
}

export async function startOpenAiStandIn(answer: (request: ChatRequest) => StandInAnswer): Promise<OpenAiStandIn> {
  const requests: ChatRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const standIn: OpenAiStandIn = { baseUrl: '', requests, answer, embed: () => [1, 0, 0], embedded: [], close: async () => {} };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (req.method === 'POST' && req.url?.endsWith('/embeddings')) {
      const { input, model } = JSON.parse(body) as { input: string | string[]; model: string };
      const texts = Array.isArray(input) ? input : [input];
      standIn.embedded.push(...texts);
      if (standIn.embeddingStatus) {
        res.writeHead(standIn.embeddingStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'stand-in failure' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          model,
          data: texts.map((t, index) => ({ object: 'embedding', index, embedding: standIn.embed(t) })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const request = JSON.parse(body) as ChatRequest;
    requests.push(request);
    const a = standIn.answer(request);
    const send = () => {
      if (res.destroyed) return;
      const status = a.status ?? 200;
      if (a.rawBody !== undefined) {
        res.writeHead(status, { 'content-type': 'application/json' }).end(a.rawBody);
        return;
      }
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `stand-in ${status}`, type: 'stand_in' } }));
        return;
      }
      const content = typeof a.content === 'string' ? a.content : JSON.stringify(a.content ?? {});
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: 1_700_000_000,
          model: request.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    };
    if (a.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, a.delayMs);
      timers.add(timer);
    } else send();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  standIn.baseUrl = `http://127.0.0.1:${port}/v1`;
  standIn.close = async () => {
    for (const t of timers) clearTimeout(t);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return standIn;
}
