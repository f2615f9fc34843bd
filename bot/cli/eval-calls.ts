/**
 * `npm run eval:calls -- calls.jsonl`: field accuracy of call-log extraction on an evaluation set
 * (formats.md §3), through the same path as the bot (the LLM too, when one is configured).
 */
import { readFileSync } from 'node:fs';
import { parseCases, scoreResults } from '../../core/extract/score.ts';
import { sharedProductNames } from '../../core/extract/vocabulary.ts';
import { monospaceTable } from '../render/monospace-table.ts';
import { createLogger } from '../logger.ts';
import { type Io, parseFlags, readConfig, type Subcommand, UsageError } from './common.ts';
import { createParser } from './parse.ts';

export const evalCallsCommand: Subcommand = {
  name: 'eval-calls',
  usage: 'eval-calls FILE.jsonl [--misses]',
  summary: 'field accuracy of call-log extraction on an evaluation set',
  async run(args, io: Io) {
    const { values, positionals } = parseFlags(args, { misses: { type: 'boolean' } }, true);
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('eval-calls needs one calls.jsonl file');
    let cases;
    try {
      cases = parseCases(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
    }
    const config = readConfig();
    const parser = createParser(config, createLogger(config.logLevel ?? 'warn'));
    // As `parse --jsonl`: the set is read as one team's logs, sharing its product names.
    const known = sharedProductNames(cases.map((c) => c.text));
    const results = [];
    for (const c of cases) results.push(await parser.parse(c.text, new Date(c.now), c.tz, known));
    const report = scoreResults(cases, results);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const rows = Object.entries(report.fields)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([field, s]) => [field, `${s.correct}/${s.total}`, pct(s.accuracy)]);
    rows.push(['overall', `${report.overall.correct}/${report.overall.total}`, pct(report.overall.accuracy)]);
    io.stdout.write(`${cases.length} cases${config.openai ? ` (LLM: ${config.openai.model})` : ' (no LLM)'}\n`);
    io.stdout.write(`${monospaceTable(['field', 'correct', 'accuracy'], rows, ['left', 'right', 'right'])}\n`);
    if (values.misses) {
      for (const m of report.misses) io.stdout.write(`#${m.index + 1} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)} — ${m.text}\n`);
    }
    return 0;
  },
};
