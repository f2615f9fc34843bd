import { asc, count, eq, max, notInArray, sql } from 'drizzle-orm';
import type { KnowledgeRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { knowledgeArticles } from '../schema.ts';

type Row = typeof knowledgeArticles.$inferSelect;
const toRecord = (row: Row) => row;

export function knowledgeRepository(db: Db): KnowledgeRepository {
  return {
    async list() {
      return (await db.select().from(knowledgeArticles).orderBy(asc(knowledgeArticles.id))).map(toRecord);
    },
    async count() {
      const [row] = await db.select({ n: count() }).from(knowledgeArticles);
      return row?.n ?? 0;
    },
    async fingerprint() {
      const [row] = await db.select({ n: count(), at: max(knowledgeArticles.updatedAt), id: max(knowledgeArticles.id) }).from(knowledgeArticles);
      return `${row?.n ?? 0}:${row?.id ?? 0}:${row?.at?.getTime() ?? 0}`;
    },
    async get(id) {
      const [row] = await db.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, id));
      return row ? toRecord(row) : null;
    },
    async findBySlug(slug) {
      const [row] = await db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, slug));
      return row ? toRecord(row) : null;
    },
    async save(article, contentHash) {
      const [existing] = await db.select().from(knowledgeArticles).where(eq(knowledgeArticles.slug, article.slug));
      // Only the article's own fields: callers may pass a stored record (with id, timestamps).
      const { slug, kind, title, tags, lang, questions, body, sourcePath } = article;
      const values = { slug, kind, title, tags, lang, questions, body, sourcePath, contentHash };
      if (!existing) {
        const [row] = await db.insert(knowledgeArticles).values(values).returning();
        return { article: toRecord(row!), outcome: 'created' };
      }
      if (existing.contentHash === contentHash && existing.sourcePath === article.sourcePath) {
        return { article: existing, outcome: 'unchanged' };
      }
      const [row] = await db
        .update(knowledgeArticles)
        .set({ ...values, updatedAt: sql`clock_timestamp()` })
        .where(eq(knowledgeArticles.id, existing.id))
        .returning();
      return { article: toRecord(row!), outcome: 'updated' };
    },
    async delete(id) {
      await db.delete(knowledgeArticles).where(eq(knowledgeArticles.id, id));
    },
    async deleteExcept(slugs) {
      const removed = await db
        .delete(knowledgeArticles)
        .where(slugs.length ? notInArray(knowledgeArticles.slug, slugs) : undefined)
        .returning({ id: knowledgeArticles.id });
      return removed.length;
    },
  };
}
