import { and, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { KbQuestionRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { kbQuestions, users } from '../schema.ts';

export function kbQuestionRepository(db: Db): KbQuestionRepository {
  return {
    async record(q) {
      const [row] = await db.insert(kbQuestions).values(q).returning();
      if (!row) throw new Error('question insert returned nothing');
      return row;
    },
    async get(id) {
      const [row] = await db.select().from(kbQuestions).where(eq(kbQuestions.id, id));
      return row ?? null;
    },
    async setHelpful(id, helpful) {
      await db.update(kbQuestions).set({ helpful }).where(eq(kbQuestions.id, id));
    },
    async listGaps(teamId, opts = {}) {
      const rows = await db
        .select({ q: kbQuestions, askerName: users.displayName })
        .from(kbQuestions)
        .innerJoin(users, eq(users.id, kbQuestions.askerId))
        .where(
          and(
            eq(kbQuestions.teamId, teamId),
            eq(kbQuestions.answered, false),
            isNull(kbQuestions.resolvedArticleId),
            opts.since ? gte(kbQuestions.createdAt, opts.since) : undefined,
          ),
        )
        .orderBy(desc(kbQuestions.createdAt), desc(kbQuestions.id))
        .limit(opts.limit ?? 20);
      return rows.map((r) => ({ ...r.q, askerName: r.askerName }));
    },
    async resolve(ids, articleId) {
      if (!ids.length) return [];
      return db.update(kbQuestions).set({ resolvedArticleId: articleId }).where(inArray(kbQuestions.id, ids)).returning();
    },
  };
}
