/**
 * `salesbot kb import DIR [--sync]`: imports a knowledge-base folder (formats.md §1). Bad files
 * are reported by name and reason; the rest import. Exit status 0 either way, so a script can go on
 * with what did import; the report on stderr says what did not.
 */
import { resolve } from 'node:path';
import { readKbFolder } from '../../core/kb/folder.ts';
import { importArticles } from '../../core/knowledge/import.ts';
import { type Io, openForCommand, parseFlags, readConfig, type Subcommand, UsageError } from './common.ts';

export const kbCommand: Subcommand = {
  name: 'kb',
  usage: 'kb import DIR [--sync]',
  summary: 'import a knowledge-base folder; --sync also removes articles whose files are gone',
  async run(args, io: Io) {
    const { values, positionals } = parseFlags(args, { sync: { type: 'boolean' } }, true);
    const [sub, dir, ...extra] = positionals;
    if (sub !== 'import' || !dir || extra.length) throw new UsageError('usage: salesbot kb import DIR [--sync]');
    let folder;
    try {
      folder = await readKbFolder(resolve(dir));
    } catch (err) {
      throw new UsageError(`cannot read ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const config = readConfig();
    const { app } = await openForCommand(config, io, 'warn');
    try {
      const report = await importArticles(app.store, folder, { sync: values.sync });
      for (const e of report.errors) io.stderr.write(`skipped ${e.file}: ${e.reason}\n`);
      const total = await app.store.knowledge.count();
      io.stdout.write(
        `Imported ${dir}: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged` +
          `${values.sync ? `, ${report.removed} removed` : ''}, ${report.errors.length} file(s) skipped. ` +
          `The knowledge base has ${total} article(s).\n`,
      );
      return 0;
    } finally {
      await app.close();
    }
  },
};
