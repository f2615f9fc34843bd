/**
 * /kb: everyone reads (list, show); managers curate (add, edit, delete) and answer the questions
 * the knowledge base could not (gaps), which tells the rep who asked.
 */
import { isManager } from '../access.ts';
import { chatKey, type ActionHandler, type Command, type Context, type ContinuationHandler, DIALOGUE_TTL_MS } from '../context.ts';
import { ARTICLE_KINDS, type ArticleKind } from '../domain.ts';
import { contentHash } from '../kb/folder.ts';
import type { KbArticle } from '../kb/article.ts';
import type { ArticleRecord } from '../records.ts';
import { type Reply, textReply } from '../reply.ts';
import type { KnowledgeService } from './service.ts';
import { kbText } from './texts.ts';

const KIND_WORDS: Record<string, ArticleKind> = {
  产品: 'product', 异议: 'objection', 流程: 'process', 制度: 'policy', 政策: 'policy', 话术: 'script', 常见问题: 'faq', 问答: 'faq',
};
const MAX_SHOW = 1_500;

function kindOf(word: string | undefined): ArticleKind | null {
  if (!word) return null;
  const w = word.toLowerCase();
  return (ARTICLE_KINDS as readonly string[]).includes(w) ? (w as ArticleKind) : (KIND_WORDS[word] ?? null);
}

async function findArticle(ctx: Context, ref: string): Promise<ArticleRecord | null> {
  const id = Number(ref.replace(/^#/, ''));
  if (Number.isInteger(id) && id > 0) return ctx.store.knowledge.get(id);
  return ctx.store.knowledge.findBySlug(ref);
}

export async function showArticle(ctx: Context, ref: string): Promise<Reply[]> {
  const t = kbText(ctx.lang);
  const article = await findArticle(ctx, ref);
  if (!article) return [textReply(t.notFound(ref))];
  const body = article.body.length > MAX_SHOW ? `${article.body.slice(0, MAX_SHOW)}…` : article.body;
  const tags = article.tags.length ? ` · ${article.tags.join(', ')}` : '';
  return [textReply(`#${article.id} 《${article.title}》 (${article.kind}${tags})\n\n${body}`)];
}

/** A slug for an article written in chat: stable, unique, readable. */
function chatSlug(kind: ArticleKind, now: Date): string {
  return `chat-${kind}-${now.getTime().toString(36)}`;
}

async function saveArticle(ctx: Context, knowledge: KnowledgeService, article: KbArticle, action: string): Promise<ArticleRecord> {
  const { article: saved } = await ctx.store.knowledge.save(article, contentHash(article));
  await ctx.store.audit.record({ actorId: ctx.user.id, action, entity: 'knowledge_article', entityId: saved.id, after: { slug: saved.slug, title: saved.title } });
  knowledge.invalidate();
  return saved;
}

function askNext(ctx: Context, state: { type: string; [k: string]: unknown }) {
  return ctx.store.conversations.set(ctx.user.id, chatKey(ctx), state, new Date(ctx.now.getTime() + DIALOGUE_TTL_MS));
}

async function addArticle(ctx: Context, knowledge: KnowledgeService, kind: ArticleKind, title: string, body: string): Promise<Reply[]> {
  const saved = await saveArticle(ctx, knowledge, { slug: chatSlug(kind, ctx.now), kind, title, tags: [], lang: ctx.lang, questions: [], body, sourcePath: null }, 'kb.added');
  return [textReply(kbText(ctx.lang).added(saved.id, saved.title))];
}

async function listGaps(ctx: Context): Promise<Reply[]> {
  const t = kbText(ctx.lang);
  const gaps = await ctx.store.questions.listGaps(ctx.team.id, { limit: 10 });
  if (!gaps.length) return [textReply(t.noGaps)];
  return [
    textReply(
      [t.gapsHeader(gaps.length), ...gaps.map((g) => t.gapLine(g.askerName, g.text))].join('\n'),
      gaps.map((g, i) => ({ label: t.answerButton(i + 1), action: 'kb.answer', value: String(g.id) })),
    ),
  ];
}

export function kbCommand(knowledge: KnowledgeService): Command {
  return {
    name: 'kb',
    aliases: ['知识库'],
    help: (lang) => ({ usage: kbText(lang).usage, summary: kbText(lang).summary }),
    async run(ctx, args) {
      const t = kbText(ctx.lang);
      const [firstLine = '', ...moreLines] = args.split('\n');
      const [sub = '', ...words] = firstLine.trim().split(/\s+/).filter(Boolean);
      const rest = moreLines.join('\n').trim();
      const manager = isManager(ctx.viewer);

      switch (sub.toLowerCase()) {
        case '':
        case 'help':
          return [textReply(t.help)];
        case 'list': {
          const kind = kindOf(words[0]);
          if (words[0] && !kind) return [textReply(t.badKind(words[0]))];
          const all = (await ctx.store.knowledge.list()).filter((a) => !kind || a.kind === kind);
          if (!all.length) return [textReply(t.empty)];
          const shown = all.slice(0, 60);
          return [{ blocks: [{ type: 'text', text: t.listHeader(all.length) }, { type: 'table', columns: t.columns, rows: shown.map((a) => [String(a.id), a.kind, a.title]) }] }];
        }
        case 'show':
          return showArticle(ctx, words[0] ?? '');
        case 'gaps':
          return manager ? listGaps(ctx) : [textReply(t.managersOnly)];
        case 'add': {
          if (!manager) return [textReply(t.managersOnly)];
          const kind = kindOf(words[0]);
          const title = words.slice(1).join(' ').trim();
          if (!words[0] || !title) return [textReply(t.addHow)];
          if (!kind) return [textReply(t.badKind(words[0]))];
          if (rest) return addArticle(ctx, knowledge, kind, title, rest);
          await askNext(ctx, { type: 'kb.add', kind, title });
          return [textReply(t.askBody(title))];
        }
        case 'edit': {
          if (!manager) return [textReply(t.managersOnly)];
          const article = await findArticle(ctx, words[0] ?? '');
          if (!article) return [textReply(t.notFound(words[0] ?? ''))];
          if (rest) {
            await saveArticle(ctx, knowledge, { ...article, body: rest }, 'kb.edited');
            return [textReply(t.edited(article.title))];
          }
          await askNext(ctx, { type: 'kb.edit', id: article.id });
          return [textReply(t.askEdit(article.title))];
        }
        case 'delete': {
          if (!manager) return [textReply(t.managersOnly)];
          const article = await findArticle(ctx, words[0] ?? '');
          if (!article) return [textReply(t.notFound(words[0] ?? ''))];
          return [textReply(t.confirmDelete(article.title), [{ label: t.deleteButton, action: 'kb.delete', value: String(article.id), style: 'danger' }])];
        }
        default:
          return [textReply(`${t.badSub(sub)}\n${t.help}`)];
      }
    },
  };
}

export function kbActions(knowledge: KnowledgeService): Record<string, ActionHandler> {
  return {
    async 'kb.delete'(ctx, value) {
      const t = kbText(ctx.lang);
      if (!isManager(ctx.viewer)) return [textReply(t.managersOnly)];
      const article = await ctx.store.knowledge.get(Number(value));
      if (!article) return [textReply(t.notFound(value ?? ''))];
      await ctx.store.knowledge.delete(article.id);
      await ctx.store.audit.record({ actorId: ctx.user.id, action: 'kb.deleted', entity: 'knowledge_article', entityId: article.id, before: article });
      knowledge.invalidate();
      return [textReply(t.deleted(article.title))];
    },
    async 'kb.answer'(ctx, value) {
      const t = kbText(ctx.lang);
      if (!isManager(ctx.viewer)) return [textReply(t.managersOnly)];
      const question = await ctx.store.questions.get(Number(value));
      if (!question || question.resolvedArticleId) return [textReply(t.gone)];
      await askNext(ctx, { type: 'kb.answer', questionId: question.id });
      return [textReply(t.askAnswer(question.text))];
    },
  };
}

export function kbContinuations(knowledge: KnowledgeService): Record<string, ContinuationHandler> {
  return {
    async 'kb.add'(ctx, state) {
      return addArticle(ctx, knowledge, state.kind as ArticleKind, String(state.title), ctx.msg.text.trim());
    },
    async 'kb.edit'(ctx, state) {
      const t = kbText(ctx.lang);
      const article = await ctx.store.knowledge.get(Number(state.id));
      if (!article) return [textReply(t.notFound(String(state.id)))];
      await saveArticle(ctx, knowledge, { ...article, body: ctx.msg.text.trim() }, 'kb.edited');
      return [textReply(t.edited(article.title))];
    },
    async 'kb.answer'(ctx, state) {
      const t = kbText(ctx.lang);
      const question = await ctx.store.questions.get(Number(state.questionId));
      if (!question || question.resolvedArticleId) return [textReply(t.gone)];
      const answer = ctx.msg.text.trim();
      const title = question.text.length > 60 ? `${question.text.slice(0, 60)}…` : question.text;
      const entry: KbArticle = { slug: `faq-gap-${question.id}`, kind: 'faq', title, tags: [], lang: ctx.lang, questions: [question.text], body: answer, sourcePath: null };
      const result = await ctx.store.transaction(async (tx) => {
        const { article } = await tx.knowledge.save(entry, contentHash(entry));
        const resolved = await tx.questions.resolve([question.id], article.id);
        // Tell each asker where they asked, in the same transaction: the notice cannot be lost.
        for (const q of resolved) {
          if (!q.platform || !q.chatId) continue;
          const asker = await tx.users.get(q.askerId);
          const lt = kbText(asker?.lang ?? ctx.lang);
          await tx.outbox.send({ platform: q.platform, chatId: q.chatId }, [textReply(`${lt.notify(q.text)}\n${answer}`)]);
        }
        await tx.audit.record({ actorId: ctx.user.id, action: 'kb.gap_answered', entity: 'knowledge_article', entityId: article.id, after: { questionId: question.id } });
        return { article, told: resolved.filter((q) => q.platform && q.chatId).length };
      });
      knowledge.invalidate();
      return [textReply(t.answered(result.article.title, result.told))];
    },
  };
}
