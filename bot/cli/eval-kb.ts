/**
 * `npm run eval:kb -- SET_DIR`: imports SET_DIR/kb into a throwaway in-memory database and scores
 * SET_DIR/questions.jsonl (formats.md §3): hit@1, hit@3, MRR on answerable questions, abstention on
 * the unanswerable ones.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluate } from '../../core/kb/eval.ts';
import { readKbFolder } from '../../core/kb/folder.ts';
import { importArticles } from '../../core/knowledge/import.ts';
import { KnowledgeService } from '../../core/knowledge/service.ts';
import { openDatabase } from '../../db/connect.ts';
import { createStore } from '../../db/store.ts';
import { monospaceTable } from '../render/monospace-table.ts';
import { type Io, parseFlags, type Subcommand, UsageError } from './common.ts';

export const evalKbCommand: Subcommand = {
  name: 'eval-kb',
  usage: 'eval-kb SET_DIR [--misses]',
  summary: 'retrieval quality on a set (SET_DIR/kb + SET_DIR/questions.jsonl), in a throwaway database',
  async run(args, io: Io) {
    const { values, positionals } = parseFlags(args, { misses: { type: 'boolean' } }, true);
    const [dir] = positionals;
    if (!dir || positionals.length > 1) throw new UsageError('eval-kb needs one set folder');
    let questions: Array<{ q: string; expect: string[] }>;
    let folder;
    try {
      questions = readFileSync(join(resolve(dir), 'questions.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
      folder = await readKbFolder(join(resolve(dir), 'kb'));
    } catch (err) {
      throw new UsageError(`cannot read the set in ${dir}: ${(err as Error).message}`);
    }
    const database = await openDatabase({});
    try {
      const store = createStore(database.db);
      const report = await importArticles(store, folder);
      for (const e of report.errors) io.stderr.write(`skipped ${e.file}: ${e.reason}\n`);
      const index = await new KnowledgeService(store).index();
      const r = evaluate(index, questions);
      const f = (x: number) => x.toFixed(3);
      io.stdout.write(`${report.created} articles, ${r.answerable} answerable and ${r.unanswerable} unanswerable questions (no LLM)\n`);
      io.stdout.write(
        `${monospaceTable(['hit@1', 'hit@3', 'MRR', 'abstention', 'false abstentions'], [[f(r.hit1), f(r.hit3), f(r.mrr), f(r.abstention), String(r.falseAbstentions)]], ['right', 'right', 'right', 'right', 'right'])}\n`,
      );
      if (values.misses) for (const m of r.misses) io.stdout.write(`miss: ${m.q} → expected ${m.expect.join('|') || '(abstain)'}, got ${m.got.join(', ') || '(abstained)'}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
