/**
 * New hires ask; the bot answers from the team's knowledge base with citations, or says plainly
 * that it has no answer and records the question for the managers.
 */
import type { Context, Feature } from '../context.ts';
import type { Reply, Button } from '../reply.ts';
import { textReply } from '../reply.ts';
import { ask, MAX_QUESTION } from './ask.ts';
import { kbActions, kbCommand, kbContinuations, showArticle } from './kb-command.ts';
import type { KnowledgeService } from './service.ts';
import { kbText } from './texts.ts';

const RELATED = 2;

export function knowledgeFeature(knowledge: KnowledgeService): Feature {
  async function answerQuestion(ctx: Context): Promise<Reply[]> {
    const t = kbText(ctx.lang);
    const question = ctx.msg.text.trim().slice(0, MAX_QUESTION);
    const result = await ask(knowledge, question, { llm: ctx.deps.llm, logger: ctx.deps.logger });
    const recorded = await ctx.store.questions.record({
      teamId: ctx.team.id,
      askerId: ctx.user.id,
      text: question,
      platform: ctx.msg.platform,
      chatId: ctx.msg.chatId,
      answered: result.answered,
      articleSlugs: result.sources.map((s) => s.article.slug),
    });
    if (!result.answered) return [textReply(t.noAnswer)];

    const titles = result.sources.map((s) => s.article.title);
    const citation = titles.length > 1 ? t.sources(titles.map((x) => `《${x}》`).join('')) : t.source(titles[0]!);
    const related: Button[] = result.related
      .slice(0, RELATED)
      .map((a) => ({ label: t.related(a.title), action: 'kb.show', value: String(a.id) }));
    const feedback: Button[] = [
      { label: t.helpful, action: 'kb.fb', value: `${recorded.id}:1` },
      { label: t.notHelpful, action: 'kb.fb', value: `${recorded.id}:0` },
    ];
    const blocks: Reply['blocks'] = [{ type: 'text', text: `${result.answer}\n${citation}` }];
    if (related.length) blocks.push({ type: 'buttons', buttons: related });
    blocks.push({ type: 'buttons', buttons: feedback });
    return [{ blocks }];
  }

  return {
    question: answerQuestion,
    commands: [kbCommand(knowledge)],
    continuations: kbContinuations(knowledge),
    actions: {
      ...kbActions(knowledge),
      async 'kb.show'(ctx, value) {
        return showArticle(ctx, value ?? '');
      },
      async 'kb.fb'(ctx, value) {
        const t = kbText(ctx.lang);
        const [id, vote] = (value ?? '').split(':');
        const question = await ctx.store.questions.get(Number(id));
        if (!question || question.askerId !== ctx.user.id) return [textReply(t.onlyAsker)];
        await ctx.store.questions.setHelpful(question.id, vote === '1');
        return [textReply(vote === '1' ? t.thanks : t.thanksNot)];
      },
    },
  };
}
