/**
 * `salesbot parse`: a call log → the activity fields of formats.md §2, as JSON, without a database.
 * The batch form (`--jsonl`) reads {"text","now","tz"} lines and answers one line each, in order;
 * it reads the lines as one team's logs, so product names they share are known in all of them
 * (core/extract/vocabulary.ts), as the bot knows its team's catalogue.
 */
import { createInterface } from 'node:readline';
import { understandActivity } from '../../core/calls/understand.ts';
import { toFormatJson } from '../../core/extract/to-json.ts';
import { sharedProductNames } from '../../core/extract/vocabulary.ts';
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
  /** `knownProducts`: the team's product names (a batch's shared ones). */
  parse(text: string, now: Date, timeZone: string, knownProducts?: string[]): Promise<Record<string, unknown>>;
}

export function createParser(config: Config, logger: Logger): Parser {
  const llm: LlmPort | undefined = config.openai ? createOpenAiLlm(config.openai) : undefined;
  return {
    async parse(text, now, timeZone, knownProducts) {
      const activity = await understandActivity(text, { now, timeZone, defaultHour: 10, knownProducts, llm, logger });
      return toFormatJson(activity, timeZone);
    },
  };
}

type BatchLine = { text: string; now: Date; zone: string } | { error: string } | null;

function readLine(line: string, n: number, defaultZone: string): BatchLine {
  if (!line.trim()) return null;
  try {
    const input = JSON.parse(line) as { text?: unknown; now?: unknown; tz?: unknown };
    if (typeof input.text !== 'string') throw new Error('"text" must be a string');
    const zone = typeof input.tz === 'string' ? input.tz : defaultZone;
    if (!isZone(zone)) throw new Error(`unknown time zone ${zone}`);
    const now = typeof input.now === 'string' ? instant(input.now, 'now') : new Date();
    return { text: input.text, now, zone };
  } catch (err) {
    // One bad line must not shift the answers of the others: answer it with an error object.
    return { error: `line ${n}: ${(err as Error).message}` };
  }
}

async function parseBatch(parser: Parser, io: Io, defaultZone: string): Promise<number> {
  const batch: BatchLine[] = [];
  let n = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) batch.push(readLine(line, ++n, defaultZone));
  const known = sharedProductNames(batch.flatMap((b) => (b && 'text' in b ? [b.text] : [])));
  for (const [i, b] of batch.entries()) {
    if (!b) continue;
    let out: Record<string, unknown> = b;
    if (!('error' in b)) {
      try {
        out = await parser.parse(b.text, b.now, b.zone, known);
      } catch (err) {
        out = { error: `line ${i + 1}: ${(err as Error).message}` };
      }
    }
    io.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return 0;
}

export const parseCommand: Subcommand = {
  name: 'parse',
  usage: 'parse [--now ISO] [--tz ZONE] "TEXT" | parse --jsonl < in.jsonl (answers once the input ends)',
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
