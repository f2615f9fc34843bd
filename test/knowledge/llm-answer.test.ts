import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { createOpenAiLlm } from '../../bot/llm/openai-llm.ts';
import { composeAnswer, figuresGrounded } from '../../core/knowledge/answer.ts';
import type { ArticleRecord } from '../../core/records.ts';
import { startOpenAiStandIn, type OpenAiStandIn, type StandInAnswer } from '../support/openai-stand-in.ts';

const article = (slug: string, title: string, body: string): ArticleRecord => ({
  id: 1, slug, kind: 'objection', title, tags: [], lang: 'zh', questions: [], body, sourcePath: null, contentHash: null, createdAt: new Date(), updatedAt: new Date(),
});
const PRICE = article('objection-price', '客户嫌贵', '先认同客户在意花销。标准版一年 2,680 元，折合每天约 7 元。不能私自承诺额外折扣。');
const TRIAL = article('policy-trial', '免费试用', '新客户可免费试用 15 天，不绑卡，到期不会自动扣费。');

describe('knowledge answers with an LLM (real openai client, local stand-in)', () => {
  let standIn: OpenAiStandIn;
  let next: StandInAnswer;
  let logs: string[];
  beforeEach(async () => {
    standIn = await startOpenAiStandIn(() => next);
    logs = [];
  });
  afterEach(() => standIn.close());

  const answer = (question = '客户说太贵了怎么回', articles = [PRICE, TRIAL]) => {
    const sink = new Writable({
      write(chunk, _e, done) {
        logs.push(String(JSON.parse(String(chunk)).msg));
        done();
      },
    });
    const llm = createOpenAiLlm({ apiKey: 'k', baseUrl: standIn.baseUrl, model: 'm', timeoutMs: 2_000 });
    return composeAnswer(question, articles, { llm, logger: createLogger('info', sink) });
  };

  it('uses a grounded answer and cites the articles the model used', async () => {
    next = { content: { answer: '我们先认同客户，再把 2680 元一年折算成每天约 7 元来讲。', sources: ['objection-price'], insufficient: false } };
    const a = await answer();
    expect(a).toMatchObject({ byLlm: true, insufficient: false });
    expect(a.text).toContain('每天约 7 元');
    expect(a.sources.map((s) => s.slug)).toEqual(['objection-price']);
    const prompt = standIn.requests[0]!.messages;
    expect(prompt[0]!.content).toContain('Never state a price');
    expect(prompt[1]!.content).toContain('article id: objection-price');
  });

  it('refuses a figure the articles do not contain and falls back to the excerpt', async () => {
    next = { content: { answer: '可以直接给客户打 8 折，一年只要 1999 元。', sources: ['objection-price'], insufficient: false } };
    const a = await answer();
    expect(a.byLlm).toBe(false);
    expect(a.text).not.toContain('1999');
    expect(a.sources[0]?.slug).toBe('objection-price');
    expect(logs.some((l) => l.includes('figures the articles do not contain'))).toBe(true);
  });

  it('says there is no answer when the model finds none in the articles', async () => {
    next = { content: { answer: '', sources: [], insufficient: true } };
    expect(await answer('公司年会在哪')).toMatchObject({ insufficient: true, text: '' });
  });

  it.each<[string, StandInAnswer]>([
    ['a server error', { status: 500 }],
    ['garbage', { content: 'I think you should…' }],
    ['a schema mismatch', { content: { answer: 42 } }],
  ])('falls back to the excerpt on %s, with a log line', async (_name, response) => {
    next = response;
    const a = await answer();
    expect(a).toMatchObject({ byLlm: false, insufficient: false });
    expect(a.text.length).toBeGreaterThan(0);
    expect(logs.some((l) => /LLM answer/.test(l))).toBe(true);
  });

  it('checks figures with and without thousands separators', () => {
    expect(figuresGrounded('一年 2680 元', [PRICE])).toBe(true);
    expect(figuresGrounded('一年 2,680 元，试用 15 天', [PRICE, TRIAL])).toBe(true);
    expect(figuresGrounded('首年 9 折', [PRICE])).toBe(false);
  });
});
