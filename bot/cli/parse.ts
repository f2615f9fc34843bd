/**
 * `salesbot parse`: a call log → the activity fields of formats.md §2, as JSON, without a database.
 * The batch form (`--jsonl`) reads {"text","now","tz"} lines and answers one line each, in order.
 */
import { createInterface } from 'node:readline';
import { understandActivity } from '../../core/calls/understand.ts';
import { toFormatJson } from '../../core/extract/to-json.ts';
import type { LlmPort, Logger } from '../../core/ports.ts';
import type { Config } from '../config.ts';
import { createOpenAiLlm } from '../llm/openai-llm.ts';
import { createLogger } from '../logger.ts';
import { type Io, parseFlags, readConfig, type Subcommand, UsageError } from './common.ts';

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function instant(value: string, what: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new UsageError(`${what}: not an ISO 8601 time: ${value}`);
  return d;
}

export interface Parser {
  parse(text: string, now: Date, timeZone: string): Promise<Record<string, unknown>>;
}

export function createParser(config: Config, logger: Logger): Parser {
  const llm: LlmPort | undefined = config.openai ? createOpenAiLlm(config.openai) : undefined;
  return {
    async parse(text, now, timeZone) {
      const activity = await understandActivity(text, { now, timeZone, defaultHour: 10, llm, logger });
      return toFormatJson(activity, timeZone);
    },
  };
}

async function parseBatch(parser: Parser, io: Io, defaultZone: string): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (!line.trim()) continue;
    let out: Record<string, unknown>;
    try {
      const input = JSON.parse(line) as { text?: unknown; now?: unknown; tz?: unknown };
      if (typeof input.text !== 'string') throw new Error('"text" must be a string');
      const zone = typeof input.tz === 'string' ? input.tz : defaultZone;
      if (!isZone(zone)) throw new Error(`unknown time zone ${zone}`);
      const now = typeof input.now === 'string' ? instant(input.now, 'now') : new Date();
      out = await parser.parse(input.text, now, zone);
    } catch (err) {
      // One bad line must not shift the answers of the others: answer it with an error object.
      out = { error: `line ${n}: ${(err as Error).message}` };
    }
    io.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return 0;
}

export const parseCommand: Subcommand = {
  name: 'parse',
  usage: 'parse [--now ISO] [--tz ZONE] "TEXT" | parse --jsonl < in.jsonl',
  summary: 'print the activity a call log yields, as JSON (no database)',
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { now: { type: 'string' }, tz: { type: 'string' }, jsonl: { type: 'boolean' } },
      true,
    );
    const config = readConfig();
    const zone = values.tz ?? config.defaults.timezone;
    if (!isZone(zone)) throw new UsageError(`--tz: unknown time zone ${zone}`);
    const parser = createParser(config, createLogger(config.logLevel ?? 'warn'));
    if (values.jsonl) {
      if (positionals.length) throw new UsageError('--jsonl reads standard input: give no text');
      return parseBatch(parser, io, zone);
    }
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError('parse needs the text of a call log');
    const now = values.now ? instant(values.now, '--now') : new Date();
    io.stdout.write(`${JSON.stringify(await parser.parse(text, now, zone), null, 2)}\n`);
    return 0;
  },
};
