import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiLlm } from '../../bot/llm/openai-llm.ts';
import { dropUngrounded, ungrounded } from '../../core/scripts/rewrite.ts';
import { startOpenAiStandIn, type ChatRequest, type OpenAiStandIn, type StandInAnswer } from '../support/openai-stand-in.ts';
import { DEV_KB, scriptBot, type ScriptBot } from './support.ts';

const ZHANG_LOG = '刚给张阿姨打了电话，13912345678，聊了8分钟，对四星卡挺感兴趣，就是嫌贵，说要跟儿子商量商量，后天下午再打';

interface Input {
  language: string;
  recordingNotice: boolean;
  sections: Array<{ key: string; lines: string[] }>;
}
const inputOf = (request: ChatRequest): Input => JSON.parse(request.messages[1]!.content) as Input;

/** A "rewrite" that keeps every section's lines, with `edit` applied to some. */
function rewrite(edit: (key: string, text: string) => string) {
  return (request: ChatRequest): StandInAnswer => ({
    content: { sections: inputOf(request).sections.map((s) => ({ key: s.key, text: edit(s.key, s.lines.join('\n')) })) },
  });
}

describe('call scripts rewritten by an LLM (real openai client, local stand-in)', () => {
  let standIn: OpenAiStandIn;
  let answer: (request: ChatRequest) => StandInAnswer;
  let bot: ScriptBot;
  beforeEach(async () => {
    // Other requests (the call log's extraction) get an error: their deterministic path is used.
    standIn = await startOpenAiStandIn((r) => (r.messages[0]!.content.includes('call script') ? answer(r) : { status: 500 }));
    bot = await scriptBot('pglite', { kb: DEV_KB, llm: createOpenAiLlm({ apiKey: 'k', baseUrl: standIn.baseUrl, model: 'm', timeoutMs: 2_000 }) });
    await bot.say(ZHANG_LOG);
  });
  afterEach(async () => {
    await bot.close();
    await standIn.close();
  });
  const warnings = () => bot.logs.filter((l) => l.level === 40 || l.level === 'warn').map((l) => String(l.msg));

  it('uses a grounded rewrite, keeping the headings and citations, from the pieces only', async () => {
    answer = rewrite((key, text) => (key === 'value' ? `我们先听张阿姨最在意什么。\n${text}` : text));
    const text = await bot.say('/script 张阿姨');
    expect(text).toContain('我们先听张阿姨最在意什么。');
    expect(text).toContain('—— 出自《客户嫌会员卡太贵》');
    expect(text).toContain('一年几千块确实不是小数目');
    const request = standIn.requests.find((r) => r.messages[0]!.content.includes('call script'))!;
    expect(request.messages[0]!.content).toContain('Never add a price, discount');
    const input = inputOf(request);
    expect(input.recordingNotice).toBe(true);
    expect(input.sections.map((s) => s.key)).toEqual(['opening', 'discovery', 'value', 'objections', 'close', 'etiquette']);
    expect(warnings().filter((w) => w.includes('call script'))).toEqual([]);
  });

  it('removes a price or discount the model invents, keeping the rest of the section', async () => {
    answer = rewrite((key, text) => (key === 'close' ? `今天办的话我们给您打8折，一年只要1999元。\n${text}` : key === 'value' ? `${text}\n现在办卡还送您两盒调理食品！` : text));
    const text = await bot.say('/script 张阿姨');
    expect(text).not.toContain('1999');
    expect(text).not.toContain('8折');
    expect(text).not.toContain('送您两盒');
    expect(text).toContain('5️⃣ 促成下一步');
    expect(text).toContain('四星卡年费¥3,680'); // grounded: stays
    expect(warnings().some((w) => w.includes('stated figures or offers the articles do not contain'))).toBe(true);
  });

  it('uses the deterministic section when nothing grounded is left, or the opening lost the recording notice', async () => {
    answer = rewrite((key, text) => (key === 'close' ? '首年只要1999元，再送3个月。' : key === 'opening' ? '“您好张阿姨，我们是云帆健康的，耽误您两分钟可以吗？”' : text));
    const deterministic = await scriptBot('pglite', { kb: DEV_KB });
    await deterministic.say(ZHANG_LOG);
    const expected = await deterministic.say('/script 张阿姨');
    await deterministic.close();
    const text = await bot.say('/script 张阿姨');
    const section = (t: string, heading: string) => t.split('\n\n')[0]!.split(/\n(?=\d️⃣|📌)/).find((s) => s.startsWith(heading));
    expect(section(expected, '5️⃣')).toMatch(/^5️⃣ 促成下一步\n/);
    expect(section(text, '5️⃣')).toBe(section(expected, '5️⃣'));
    expect(section(text, '1️⃣')).toBe(section(expected, '1️⃣'));
    expect(section(text, '1️⃣')).toContain('本次通话可能会被录音');
    expect(text).not.toContain('1999');
    expect(warnings().some((w) => w.includes('sections unusable; using the deterministic ones'))).toBe(true);
  });

  it.each<[string, StandInAnswer]>([
    ['a server error', { status: 500 }],
    ['garbage', { content: 'Sure! Here is a script…' }],
    ['a schema mismatch', { content: { sections: 'opening' } }],
  ])('falls back to the deterministic script on %s, with a log line', async (_name, response) => {
    answer = () => response;
    const text = await bot.say('/script 张阿姨');
    expect(text).toContain('“您好，请问是张阿姨吗？我们是云帆健康的alice。本次通话可能会被录音。');
    expect(text).toContain('一年几千块确实不是小数目');
    expect(warnings().some((w) => w.includes('using the deterministic script'))).toBe(true);
  });
});

describe('the grounding check', () => {
  const source = '四星卡年费¥3,680，可选3期免息分期。体验结束后7天内开卡，四星卡立减¥200。一次付两年有85折。';
  it('finds figures and offers the source does not contain', () => {
    expect(ungrounded('四星卡一年 3680 元，可以分 3 期免息', source)).toEqual([]);
    expect(ungrounded('一次付两年打85折', source)).toEqual([]);
    expect(ungrounded('给您打8折', source)).toEqual(['8']);
    expect(ungrounded('给您打八折', source)).toEqual(['八折']);
    expect(ungrounded('再送您一盒', source)).toEqual(['送您']);
    expect(ungrounded('不满意包退', source)).toEqual(['包退']);
    expect(ungrounded('We give a 20% discount', 'no offers here')).toEqual(['20', 'discount']);
  });
  it('drops only the offending sentences', () => {
    const { text, dropped } = dropUngrounded('四星卡年费¥3,680。今天办再打9折！\n“您看可以吗？”', source);
    expect(text).toBe('四星卡年费¥3,680。\n“您看可以吗？”');
    expect(dropped).toEqual(['9']);
  });
});
