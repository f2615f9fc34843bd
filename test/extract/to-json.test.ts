/**
 * The formats.md §2 object: zone offset on followUpAt, referredBy left out.
 */
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';
import { toFormatJson } from '../../core/extract/to-json.ts';

describe('toFormatJson', () => {
  it('renders the example of formats.md §2', () => {
    const now = new Date('2026-11-18T10:00:00+08:00'); // Wednesday; 下周二 = 2026-11-24
    const a = extractActivity('刚给华通物流的张总打了电话,聊了8分钟,对年卡有兴趣,嫌价格贵,下周二下午再打', {
      now,
      timeZone: 'Asia/Shanghai',
      knownProducts: ['年卡', '季卡'],
    });
    expect(toFormatJson(a, 'Asia/Shanghai')).toEqual({
      kind: 'call',
      customer: '张总',
      company: '华通物流',
      phone: null,
      result: 'connected',
      intent: 'B',
      stage: 'intent',
      durationMin: 8,
      amount: null,
      products: ['年卡'],
      objections: ['price'],
      followUpAt: '2026-11-24T14:00:00+08:00',
      doNotCall: false,
      referral: false,
    });
  });

  it('writes +00:00 rather than Z, and the summer offset in London', () => {
    const base = extractActivity('x', { now: new Date(), timeZone: 'UTC' });
    const winter = toFormatJson({ ...base, followUpAt: new Date('2026-12-14T10:00:00Z') }, 'Europe/London');
    const summer = toFormatJson({ ...base, followUpAt: new Date('2027-04-02T14:00:00Z') }, 'Europe/London');
    const utc = toFormatJson({ ...base, followUpAt: new Date('2027-04-02T14:00:00Z') }, 'UTC');
    expect(winter.followUpAt).toBe('2026-12-14T10:00:00+00:00');
    expect(summer.followUpAt).toBe('2027-04-02T15:00:00+01:00');
    expect(utc.followUpAt).toBe('2027-04-02T14:00:00+00:00');
  });

  it('omits referredBy', () => {
    const a = extractActivity('许先生是老会员刘总介绍的', { now: new Date(), timeZone: 'Asia/Shanghai' });
    expect(a.referredBy).toBe('刘总');
    expect(toFormatJson(a, 'Asia/Shanghai')).not.toHaveProperty('referredBy');
  });
});
