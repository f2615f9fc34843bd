import type { ArticleKind } from '../domain.ts';

/** One knowledge-base entry, from a Markdown file or one FAQ row of a CSV (shared/spec/formats.md §1). */
export interface KbArticle {
  /** Front-matter / CSV `id`: stable, used in citations and evaluation. */
  slug: string;
  kind: ArticleKind;
  title: string;
  tags: string[];
  /** Given in front matter or detected from the text; null when the text has no letters at all. */
  lang: 'zh' | 'en' | null;
  /** Example phrasings of the need the article answers (CSV: the `question` column). */
  questions: string[];
  body: string;
  /** File the article came from, relative to the imported folder; null when built in memory. */
  sourcePath: string | null;
}
