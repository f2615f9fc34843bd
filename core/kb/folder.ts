import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { KbArticle } from './article.ts';
import { parseFaqCsv, parseMarkdownArticle, type ParseResult } from './parse.ts';

export interface KbFolder {
  articles: KbArticle[];
  errors: Array<{ file: string; reason: string }>;
}

/** Files under dir (any depth), sorted so that results and duplicate reports are deterministic. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function parseFile(file: string, content: string): ParseResult | null {
  const lower = file.toLowerCase();
  // A README explains the folder to people; it is not an article.
  if (/(^|\/)readme\.(md|markdown|txt)$/.test(lower)) return null;
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return parseMarkdownArticle(file, content);
  if (lower.endsWith('.csv')) return parseFaqCsv(file, content);
  return null; // READMEs in other formats, images…: not part of the KB
}

/** Reads a KB folder; bad files and duplicate ids are reported, everything else still imports. */
export async function readKbFolder(dir: string): Promise<KbFolder> {
  const articles: KbArticle[] = [];
  const errors: KbFolder['errors'] = [];
  const owner = new Map<string, string>(); // id → file that defined it first
  for (const path of await listFiles(dir)) {
    const file = relative(dir, path).split(sep).join('/');
    let content: string;
    try {
      content = await readFile(path, 'utf8');
    } catch (e) {
      errors.push({ file, reason: `cannot read: ${(e as Error).message}` });
      continue;
    }
    const result = parseFile(file, content);
    if (!result) continue;
    if (!result.ok) {
      errors.push({ file: result.file, reason: result.reason });
      continue;
    }
    for (const a of result.articles) {
      const first = owner.get(a.slug);
      if (first !== undefined) {
        errors.push({ file, reason: `duplicate id ${a.slug}: already defined in ${first}` });
        continue;
      }
      owner.set(a.slug, file);
      articles.push(a);
    }
  }
  return { articles, errors };
}

/**
 * Hash of what an article says (not where it lives), so a re-import can skip unchanged articles;
 * moving a file to another folder does not count as a change.
 */
export function contentHash(a: KbArticle): string {
  const canonical = JSON.stringify([a.slug, a.kind, a.title, a.tags, a.lang, a.questions, a.body]);
  return createHash('sha256').update(canonical).digest('hex');
}
