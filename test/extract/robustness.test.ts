/**
 * Bad input never throws and never hangs: empty, huge, emoji-only, control characters,
 * pathological repetition. The result is then an activity with nulls.
 */
import { describe, expect, it } from 'vitest';
import { parseCorrection } from '../../core/extract/correction.ts';
import { extractActivity } from '../../core/extract/extract.ts';
import { toFormatJson } from '../../core/extract/to-json.ts';
import { emptyActivity } from '../../core/extract/types.ts';

const OPTS = { now: new Date('2026-11-23T10:00:00+08:00'), timeZone: 'Asia/Shanghai' };

const BAD: Array<[string, string]> = [
  ['empty', ''],
  ['spaces', '   \n\t  '],
  ['emoji only', '🙂🙂🎉🔥👍'],
  ['control characters', '\u0000\u0001\u0002\u001b[31m\u007f\u0085'],
  ['punctuation only', '，。！？、；：……——'],
  ['lone surrogates', '\ud800\udc00\ud800'],
];

describe('bad input', () => {
  it.each(BAD)('%s → an activity with nulls', (_name, text) => {
    const a = extractActivity(text, OPTS);
    expect(a).toEqual(emptyActivity());
  });

  // Speed is measured in bench/, not here: a catastrophic regex would still blow the test timeout.
  it('20,000 characters of a real log repeated: no throw', () => {
    const text = '刚给张阿姨打了电话，13912345678，聊了8分钟，对四星卡挺感兴趣，就是嫌贵，后天下午再打。'.repeat(400).slice(0, 20_000);
    const a = extractActivity(text, OPTS);
    expect(a.customer).toBe('张阿姨');
  });

  it.each([
    ['digits', '1'.repeat(20_000)],
    ['one character', '贵'.repeat(20_000)],
    ['letters', 'a'.repeat(20_000)],
    ['alternating', '下午3点'.repeat(5_000)],
    ['spaces and digits', '1 '.repeat(10_000)],
    ['commas and digits', '1,'.repeat(10_000)],
    ['names', '张总'.repeat(10_000)],
    ['English words', 'call back tomorrow at '.repeat(1_000)],
  ])('pathological %s: no throw, no catastrophic backtracking', (_name, text) => {
    expect(() => extractActivity(text, OPTS)).not.toThrow();
    expect(() => parseCorrection(text, emptyActivity(), OPTS)).not.toThrow();
  });

  it('non-string input from a loose caller does not throw', () => {
    expect(extractActivity(undefined as unknown as string, OPTS)).toEqual(emptyActivity());
    expect(extractActivity(42 as unknown as string, OPTS)).toEqual(emptyActivity());
  });

  it('an unknown time zone does not throw', () => {
    const a = extractActivity('张总没接，明天再打', { ...OPTS, timeZone: 'Nowhere/Land' });
    expect(a.customer).toBe('张总');
    expect(a.followUpAt?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(() => toFormatJson(a, 'Nowhere/Land')).not.toThrow();
  });

  it('nothing in a message that is not a log', () => {
    const a = extractActivity('hello', OPTS);
    expect(toFormatJson(a, OPTS.timeZone)).toEqual({
      kind: 'call', customer: null, company: null, phone: null, result: null, intent: null, stage: null,
      durationMin: null, amount: null, products: [], objections: [], followUpAt: null, doNotCall: false, referral: false,
    });
  });
});
