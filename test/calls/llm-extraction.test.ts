import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { createOpenAiLlm } from '../../bot/llm/openai-llm.ts';
import { understandActivity } from '../../core/calls/understand.ts';
import { extractActivity } from '../../core/extract/extract.ts';
import { startOpenAiStandIn, type OpenAiStandIn, type StandInAnswer } from '../support/openai-stand-in.ts';
import { createTestBot } from '../support/bot.ts';

const NOW = new Date('2026-11-23T10:00:00+08:00'); // a Monday
const ZONE = 'Asia/Shanghai';
const TEXT = '刚给华通物流的张总打了电话,聊了8分钟,有兴趣,下周二下午再打';

describe('call-log extraction with an LLM (real openai client, local stand-in)', () => {
  let standIn: OpenAiStandIn;
  let next: StandInAnswer;
  let logs: Array<Record<string, unknown>>;

  beforeEach(async () => {
    next = { content: {} };
    standIn = await startOpenAiStandIn(() => next);
    logs = [];
  });
  afterEach(() => standIn.close());

  function understand(text = TEXT, timeoutMs = 2_000) {
    const sink = new Writable({
      write(chunk, _e, done) {
        logs.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const llm = createOpenAiLlm({ apiKey: 'test-key', baseUrl: standIn.baseUrl, model: 'stand-in-model', timeoutMs });
    return understandActivity(text, { now: NOW, timeZone: ZONE, defaultHour: 10, llm, logger: createLogger('info', sink) });
  }
  const deterministic = (text = TEXT) => extractActivity(text, { now: NOW, timeZone: ZONE, defaultHour: 10 });

  it('sends the prompt from prompts/ and merges a valid answer; our code resolves the time words', async () => {
    next = {
      content: {
        kind: 'call',
        customer: '张总',
        company: '华通物流',
        result: 'connected',
        intent: 'A',
        durationMin: 8,
        products: [],
        objections: ['price'],
        followUpText: '下周二下午',
        doNotCall: false,
        referral: false,
      },
    };
    const a = await understand();
    expect(standIn.requests).toHaveLength(1);
    const request = standIn.requests[0]!;
    expect(request.model).toBe('stand-in-model');
    expect(request.response_format).toEqual({ type: 'json_object' });
    expect(request.messages[0]?.content).toContain('followUpText');
    expect(request.messages[1]?.content).toBe(TEXT);
    expect(a).toMatchObject({ customer: '张总', company: '华通物流', intent: 'A', objections: ['price'], durationMin: 8 });
    expect(a.followUpAt?.toISOString()).toBe(new Date('2026-12-01T14:00:00+08:00').toISOString());
  });

  it('ignores names, numbers and products the message does not contain', async () => {
    next = { content: { customer: '王总', company: '宇宙集团', phone: '13900000000', products: ['钻石卡'], intent: 'B' } };
    const a = await understand();
    const base = deterministic();
    expect(a.customer).toBe(base.customer);
    expect(a.company).toBe(base.company);
    expect(a.phone).toBe(base.phone);
    expect(a.products).toEqual(base.products);
    expect(a.intent).toBe('B');
  });

  it('accepts JSON wrapped in a Markdown fence', async () => {
    next = { content: '```json\n{"intent": "C"}\n```' };
    expect((await understand()).intent).toBe('C');
  });

  it.each<[string, StandInAnswer, RegExp]>([
    ['garbage', { content: 'Sure! The customer is 张总.' }, /LLM extraction failed/],
    ['a schema mismatch', { content: { intent: 'Z', durationMin: 'eight' } }, /did not match the schema/],
    ['a server error', { status: 500 }, /LLM extraction failed/],
    ['a 429', { status: 429 }, /LLM extraction failed/],
    ['a broken body', { rawBody: '{"choices": [' }, /LLM extraction failed/],
  ])('falls back to the deterministic reading on %s, with a log line', async (_name, answer, logLine) => {
    next = answer;
    const a = await understand();
    expect(a).toEqual(deterministic());
    expect(logs.some((l) => logLine.test(String(l.msg)))).toBe(true);
    // No retry storm: one request, then the deterministic path.
    expect(standIn.requests).toHaveLength(1);
  });

  it('gives up on a slow model after its timeout', async () => {
    next = { content: { intent: 'A' }, delayMs: 5_000 };
    const started = Date.now();
    const a = await understand(TEXT, 150);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(a).toEqual(deterministic());
    expect(logs.some((l) => /LLM extraction failed/.test(String(l.msg)))).toBe(true);
  });

  it('logs a call through the bot with the LLM’s reading', async () => {
    next = { content: { customer: '张总', company: '华通物流', result: 'connected', intent: 'A', followUpText: '下周二下午' } };
    const llm = createOpenAiLlm({ apiKey: 'k', baseUrl: standIn.baseUrl, model: 'm', timeoutMs: 2_000 });
    const bot = await createTestBot('pglite', { now: NOW.toISOString(), llm });
    try {
      const text = await bot.say(TEXT);
      expect(text).toContain('意向 A');
      expect(text).toContain('12月1日 周二 14:00');
    } finally {
      await bot.close();
    }
  });
});
