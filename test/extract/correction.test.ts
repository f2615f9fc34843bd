/**
 * The Edit button: a correction typed in words changes only the fields it names.
 */
import { describe, expect, it } from 'vitest';
import { parseCorrection } from '../../core/extract/correction.ts';
import { extractActivity } from '../../core/extract/extract.ts';
import type { ExtractedActivity } from '../../core/extract/types.ts';

const OPTS = {
  now: new Date('2026-11-23T10:00:00+08:00'), // a Monday
  timeZone: 'Asia/Shanghai',
  knownProducts: ['四星卡', '五星卡'],
};
const CURRENT: ExtractedActivity = extractActivity(
  '刚给华通物流的张总打了电话，13812345678，聊了8分钟，对四星卡有兴趣，嫌价格贵，下周二下午再打',
  OPTS,
);
const EN: ExtractedActivity = { ...CURRENT, customer: 'Mr Zhang', company: null };

const fix = (text: string, current = CURRENT) => parseCorrection(text, current, OPTS);

describe('parseCorrection', () => {
  it('reads the log it corrects', () => {
    expect(CURRENT).toMatchObject({ customer: '张总', company: '华通物流', products: ['四星卡'], objections: ['price'] });
  });

  it.each<[string, Record<string, unknown>]>([
    ['时间改成周四下午', { followUpAt: new Date('2026-11-26T14:00:00+08:00') }],
    ['改到明天上午10点', { followUpAt: new Date('2026-11-24T10:00:00+08:00') }],
    ['不是张总，是李总', { customer: '李总' }],
    ['是李总不是张总', { customer: '李总' }],
    ['把张总改成王总', { customer: '王总' }],
    ['客户叫刘阿姨', { customer: '刘阿姨' }],
    ['公司是华通物流', { company: '华通物流' }],
    ['没接通', { result: 'no_answer' }],
    ['号码是空号', { result: 'invalid_number' }],
    ['金额 6800', { amount: 6800 }],
    ['成交了，金额1.2万', { stage: 'won', amount: 12000 }],
    ['意向A', { intent: 'A' }],
    ['B类', { intent: 'B' }],
    ['不用跟进了', { followUpAt: null }],
    ['不是四星卡，是五星卡', { products: ['五星卡'] }],
    ['电话是13900001111', { phone: '13900001111' }],
    ['聊了15分钟', { durationMin: 15 }],
    ['其实是上门拜访', { kind: 'visit' }],
    ['是王阿姨介绍的', { referral: true, referredBy: '王阿姨' }],
    ['别再打了', { doNotCall: true, followUpAt: null }],
    ['还要跟老婆商量', { objections: ['price', 'consult_others'] }],
  ])('%s', (text, expected) => {
    expect(fix(text)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ['not Zhang, it was Li', { customer: 'Li' }],
    ['follow up Friday 3pm', { followUpAt: new Date('2026-11-27T15:00:00+08:00') }],
    ['amount ¥6,800', { amount: 6800 }],
    ['no answer', { result: 'no_answer' }],
    ['grade B', { intent: 'B' }],
    ['company is Acme Ltd', { company: 'Acme Ltd' }],
    ['no need to follow up', { followUpAt: null }],
  ])('English: %s', (text, expected) => {
    expect(fix(text, EN)).toEqual(expected);
  });

  it('handles several corrections in one message', () => {
    expect(fix('公司是恒远物流，金额3680，意向A')).toEqual({ company: '恒远物流', amount: 3680, intent: 'A' });
  });

  it('"客户说太贵" mentions the customer but does not rename them', () => {
    expect(fix('客户说太贵')).toEqual({ objections: ['price'] });
  });

  it('returns nothing for nothing, and never throws', () => {
    for (const t of ['', '🙂', '\u0000', 'x'.repeat(20_000), '改成'.repeat(5_000)]) {
      expect(() => fix(t)).not.toThrow();
    }
    expect(fix('')).toEqual({});
    expect(fix('🙂🙂')).toEqual({});
  });
});
