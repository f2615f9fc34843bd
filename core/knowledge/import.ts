/**
 * Importing a knowledge-base folder (formats.md §1): changed articles are updated, unchanged ones
 * left alone, and with `sync` articles whose files are gone are removed, so the knowledge base
 * equals the folder. Files that failed to parse keep their stored articles (a typo in one file
 * must not delete its article).
 */
import { contentHash, type KbFolder } from '../kb/folder.ts';
import type { Store } from '../ports.ts';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  errors: Array<{ file: string; reason: string }>;
}

export async function importArticles(store: Store, folder: KbFolder, opts: { sync?: boolean; actorId?: number | null } = {}): Promise<ImportReport> {
  return store.transaction(async (tx) => {
    const report: ImportReport = { created: 0, updated: 0, unchanged: 0, removed: 0, errors: folder.errors };
    for (const article of folder.articles) {
      const { outcome } = await tx.knowledge.save(article, contentHash(article));
      report[outcome] += 1;
    }
    if (opts.sync) {
      const broken = new Set(folder.errors.map((e) => e.file));
      const keep = new Set(folder.articles.map((a) => a.slug));
      for (const stored of await tx.knowledge.list()) if (stored.sourcePath && broken.has(stored.sourcePath)) keep.add(stored.slug);
      report.removed = await tx.knowledge.deleteExcept([...keep]);
    }
    await tx.audit.record({
      actorId: opts.actorId ?? null,
      action: 'kb.imported',
      entity: 'knowledge',
      after: { created: report.created, updated: report.updated, removed: report.removed, errors: report.errors.length },
    });
    return report;
  });
}
