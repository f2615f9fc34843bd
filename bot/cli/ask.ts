/**
 * `salesbot ask "QUESTION" [--json]` and `salesbot ask --jsonl < questions.jsonl`: the knowledge
 * base's answer, as the chat gives it, for scripts and evaluation.
 */
import { createInterface } from 'node:readline';
import { ask, type AskResult } from '../../core/knowledge/ask.ts';
import { KnowledgeService } from '../../core/knowledge/service.ts';
import { createOpenAiLlm } from '../llm/openai-llm.ts';
import { semanticFrom } from '../llm/semantic.ts';
import { type Io, openForCommand, parseFlags, readConfig, type Subcommand, UsageError } from './common.ts';

function asJson(r: AskResult) {
  return {
    answered: r.answered,
    sources: r.sources.map((s) => ({ id: s.article.slug, title: s.article.title, score: Math.round(s.score * 1000) / 1000 })),
    answer: r.answer,
  };
}

export const askCommand: Subcommand = {
  name: 'ask',
  usage: 'ask "QUESTION" [--json] | ask --jsonl < questions.jsonl',
  summary: 'answer a question from the knowledge base',
  async run(args, io: Io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' }, jsonl: { type: 'boolean' } }, true);
    const question = positionals.join(' ').trim();
    if (values.jsonl && question) throw new UsageError('--jsonl reads standard input: give no question');
    if (!values.jsonl && !question) throw new UsageError('ask needs a question');
    const config = readConfig();
    const { app, logger } = await openForCommand(config, io, 'warn');
    try {
      const semantic = semanticFrom(config);
      const knowledge = new KnowledgeService(app.store, semantic && { ...semantic, logger });
      const deps = { llm: config.openai ? createOpenAiLlm(config.openai) : undefined, logger };
      if (!values.jsonl) {
        const result = await ask(knowledge, question, deps);
        if (values.json) io.stdout.write(`${JSON.stringify(asJson(result))}\n`);
        else if (!result.answered) io.stdout.write('The knowledge base has no answer to that.\n');
        else io.stdout.write(`${result.answer}\n— ${result.sources.map((s) => `${s.article.title} [${s.article.slug}]`).join('; ')}\n`);
        return 0;
      }
      let n = 0;
      for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
        n += 1;
        if (!line.trim()) continue;
        let out: object;
        try {
          const input = JSON.parse(line) as { q?: unknown };
          if (typeof input.q !== 'string') throw new Error('"q" must be a string');
          out = asJson(await ask(knowledge, input.q, deps));
        } catch (err) {
          out = { error: `line ${n}: ${(err as Error).message}` };
        }
        io.stdout.write(`${JSON.stringify(out)}\n`);
      }
      return 0;
    } finally {
      await app.close();
    }
  },
};
