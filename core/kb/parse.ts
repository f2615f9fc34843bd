import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ARTICLE_KINDS, LANGS } from '../domain.ts';
import type { KbArticle } from './article.ts';
import { detectLang } from './lang.ts';

/** Pure parsers: one file's content → its articles, or the reason the file was rejected. */
export type ParseResult = { ok: true; articles: KbArticle[] } | { ok: false; file: string; reason: string };

// YAML turns `tags: 异议` into a string and `id: 2024` into a number: accept both, store strings.
const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const list = z
  .union([z.array(text), text, z.null()])
  .optional()
  .transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''));

const FrontMatter = z.object({
  id: text.pipe(z.string().min(1, 'id is empty')),
  kind: z.enum(ARTICLE_KINDS),
  title: text.pipe(z.string().min(1, 'title is empty')),
  tags: list,
  lang: z.enum(LANGS).nullish(),
  questions: list,
});

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function zodReason(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : 'front matter'}: ${i.message}`)
    .join('; ');
}

export function parseMarkdownArticle(file: string, content: string): ParseResult {
  const m = FRONT_MATTER.exec(content);
  if (!m) return { ok: false, file, reason: 'no YAML front matter (the file must start with a --- block)' };
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '');
  } catch (e) {
    return { ok: false, file, reason: `broken YAML front matter: ${(e as Error).message.split('\n')[0]}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, file, reason: 'front matter is not a key: value mapping' };
  }
  const fm = FrontMatter.safeParse(data);
  if (!fm.success) return { ok: false, file, reason: zodReason(fm.error) };
  const body = content.slice(m[0].length).trim();
  const { id, kind, title, tags, lang, questions } = fm.data;
  return {
    ok: true,
    articles: [
      {
        slug: id,
        kind,
        title,
        tags,
        lang: lang ?? detectLang(`${title}\n${body}`),
        questions,
        body,
        sourcePath: file,
      },
    ],
  };
}

const FAQ_COLUMNS = ['id', 'kind', 'title', 'question', 'answer', 'tags'] as const;

const FaqRow = z.object({
  id: z.string().trim().min(1, 'id is empty'),
  kind: z.enum(ARTICLE_KINDS),
  title: z.string().trim().min(1, 'title is empty'),
  question: z.string().trim(),
  answer: z.string().trim().min(1, 'answer is empty'),
  tags: z.string(),
});

/**
 * FAQ CSV: one article a row. A bad row rejects the whole file (naming the row): a CSV is edited
 * as one sheet, and importing it half-way would silently drop answers the team believes are live.
 */
export function parseFaqCsv(file: string, content: string): ParseResult {
  let rows: string[][];
  try {
    // relax_quotes: a quote inside an unquoted field (他说"太贵") is text, as in Excel; not a broken file.
    rows = parseCsv(content, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    return { ok: false, file, reason: `invalid CSV: ${(e as Error).message}` };
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = FAQ_COLUMNS.filter((c) => !header.includes(c));
  if (rows.length === 0 || missing.length) {
    return { ok: false, file, reason: `CSV header must have ${FAQ_COLUMNS.join(',')}; missing ${missing.join(',') || 'header'}` };
  }
  const articles: KbArticle[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const line = `row ${r + 1}`; // 1-based, counting the header, as spreadsheets number rows
    if (cells.length !== header.length) {
      return { ok: false, file, reason: `${line}: expected ${header.length} fields, got ${cells.length}` };
    }
    const record = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    const row = FaqRow.safeParse(record);
    if (!row.success) return { ok: false, file, reason: `${line}: ${zodReason(row.error)}` };
    const { id, kind, title, question, answer, tags } = row.data;
    if (seen.has(id)) return { ok: false, file, reason: `${line}: duplicate id ${id}` };
    seen.add(id);
    articles.push({
      slug: id,
      kind,
      title,
      tags: tags.split('|').map((t) => t.trim()).filter(Boolean),
      lang: detectLang(`${title}\n${answer}`),
      questions: question ? [question] : [],
      body: answer,
      sourcePath: file,
    });
  }
  return { ok: true, articles };
}
