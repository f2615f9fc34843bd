import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importArticles } from '../../core/knowledge/import.ts';
import { buttonsOf, replyText, type Reply } from '../../core/reply.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';
import { databaseKinds } from '../support/db.ts';
import { BROADBAND_KB } from '../kb/fixtures/broadband.ts';

describe.each(databaseKinds())('asking the knowledge base in chat on %s', (kind) => {
  let bot: TestBot;
  const boss = { platformUserId: 'boss', userName: 'boss', chatId: 'console:boss' };
  const rep = { platformUserId: 'alice', userName: 'alice', chatId: 'console:alice' };

  beforeEach(async () => {
    bot = await createTestBot(kind);
    await bot.say('/me', boss); // first user: admin and manager
    await importArticles(bot.database.store, { articles: BROADBAND_KB, errors: [] });
  });
  afterEach(() => bot.close());

  const tap = (reply: Reply, action: string, from = rep, nth = 0) => {
    const button = buttonsOf(reply).filter((b) => b.action === action)[nth];
    if (!button) throw new Error(`no ${action} button in: ${replyText(reply)}`);
    return bot.send({ ...from, text: button.label, action: { name: button.action, value: button.value } });
  };

  it('answers from the best article with its title as the citation, related articles and feedback buttons', async () => {
    const [reply] = await bot.send({ ...rep, text: '客户说太贵了怎么回' });
    const text = replyText(reply!);
    expect(text).toContain('出自《客户嫌宽带太贵》');
    expect(text).toContain('认同');
    expect(text.length).toBeLessThan(700);
    const actions = buttonsOf(reply!).map((b) => b.action);
    expect(actions.filter((a) => a === 'kb.fb')).toHaveLength(2);
    expect(actions.filter((a) => a === 'kb.show').length).toBeLessThanOrEqual(2);

    const [thanks] = await tap(reply!, 'kb.fb');
    expect(replyText(thanks!)).toContain('谢谢');
    const [notYours] = await tap(reply!, 'kb.fb', boss);
    expect(replyText(notYours!)).toContain('只有提问的人');
    const questionId = Number(buttonsOf(reply!).find((b) => b.action === 'kb.fb')!.value!.split(':')[0]);
    const question = await bot.database.store.questions.get(questionId);
    expect(question).toMatchObject({ answered: true, helpful: true, articleSlugs: ['objection-price'] });
  });

  it('shows a related article in full when its button is tapped', async () => {
    const [reply] = await bot.send({ ...rep, text: '客户说太贵了怎么回' });
    const related = buttonsOf(reply!).find((b) => b.action === 'kb.show');
    if (related) {
      const [shown] = await bot.send({ ...rep, text: related.label, action: { name: 'kb.show', value: related.value } });
      expect(replyText(shown!)).toMatch(/^#\d+ 《/);
    }
    expect(await bot.say('/kb show objection-price', rep)).toContain('先认同客户在意花销');
  });

  it('says plainly when the knowledge base has no answer, records it, and tells the asker once a manager answers', async () => {
    const text = await bot.say('公司年会在哪里举办', rep);
    expect(text).toContain('知识库里没有这个问题的答案');

    expect(await bot.say('/kb gaps', rep)).toContain('只有经理');
    const [gaps] = await bot.send({ ...boss, text: '/kb gaps' });
    expect(replyText(gaps!)).toContain('alice：公司年会在哪里举办');
    const [ask] = await tap(gaps!, 'kb.answer', boss);
    expect(replyText(ask!)).toContain('请发送这个问题的答案');
    expect(await bot.say('今年年会在杭州西湖边的酒店，12月20日。', boss)).toContain('并通知了 1 位');

    // The notice waits in the outbox for the asker's chat.
    const due = await bot.database.store.outbox.claimDue('console', new Date(), new Date(Date.now() + 60_000), 10);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ platform: 'console', chatId: 'console:alice' });
    expect(replyText(due[0]!.replies[0]!)).toContain('你之前问的「公司年会在哪里举办」');
    expect(await bot.say('/kb gaps', boss)).toContain('没有答不上的问题');

    // The new article answers the next person who asks.
    expect(await bot.say('公司年会在哪里举办', rep)).toContain('杭州');
  });

  it('lets managers curate and reps only read', async () => {
    expect(await bot.say('/kb add faq 标题\n正文', rep)).toContain('只有经理');
    expect(await bot.say('/kb list', rep)).toContain('知识库文章');
    expect(await bot.say('/kb list objection', rep)).toContain('客户嫌宽带太贵');
    expect(await bot.say('/kb list nonsense', rep)).toContain('不认识类型');

    const added = await bot.say('/kb add objection 客户说要问问物业\n先问清楚物业关心什么，再约物业一起确认布线方案。', boss);
    const id = added.match(/第 (\d+) 篇/)?.[1];
    expect(id).toBeDefined();
    expect(await bot.say('客户说要问问物业怎么办', rep)).toContain('先问清楚物业关心什么');

    expect(await bot.say(`/kb edit ${id}`, boss)).toContain('新正文');
    expect(await bot.say('先了解物业的顾虑，再请物业参加三方通话。', boss)).toContain('已更新');
    expect(await bot.say(`/kb show ${id}`, rep)).toContain('三方通话');

    const [confirm] = await bot.send({ ...boss, text: `/kb delete ${id}` });
    expect(replyText(confirm!)).toContain('确定删除');
    const [deleted] = await tap(confirm!, 'kb.delete', boss);
    expect(replyText(deleted!)).toContain('已删除');
    expect(await bot.say(`/kb show ${id}`, rep)).toContain('没有找到');

    expect(await bot.say('/kb add', boss)).toContain('格式');
    expect(await bot.say('/kb add faq 退订流程', boss)).toContain('请发送《退订流程》的正文');
    expect(await bot.say('拨打客服热线，核实身份后办理。', boss)).toContain('已添加');
  });

  it('asks whether an ambiguous message is a log or a question, and follows the answer', async () => {
    const [reply] = await bot.send({ ...rep, text: '张总打了电话说太贵，怎么回？' });
    expect(replyText(reply!)).toContain('通话记录，还是想问个问题');
    const [asked] = await tap(reply!, 'route.question');
    expect(replyText(asked!)).toMatch(/出自|没有这个问题的答案/);

    const [again] = await bot.send({ ...rep, text: '张总打了电话说太贵，怎么回？' });
    const [logged] = await tap(again!, 'route.log');
    expect(replyText(logged!)).toContain('已记录通话');
  });
});
