/**
 * Time expressions resolve against `now` in the rep's zone, never the process zone: run this
 * file with TZ=UTC and TZ=America/New_York too. Weeks start Monday; date only → 10:00;
 * 上午 10, 下午 14, 晚上 19, 中午 12.
 */
import { describe, expect, it } from 'vitest';
import { findTimes, resolveTime } from '../../core/time/resolve.ts';

const SH = 'Asia/Shanghai';
const LDN = 'Europe/London';
const NY = 'America/New_York';

/** Resolves `text` at `now` in `tz` and returns the instant as an ISO string in UTC. */
function at(text: string, now: string, tz = SH, defaultHour?: number): string | null {
  const r = resolveTime(text, { now: new Date(now), timeZone: tz, defaultHour });
  return r ? r.at.toISOString() : null;
}
const iso = (s: string) => new Date(s).toISOString();

// 2026-11-23 is a Monday; 2026-11-22 a Sunday.
const MON = '2026-11-23T10:00:00+08:00';
const SUN = '2026-11-22T10:00:00+08:00';

describe('Chinese relative days', () => {
  it.each([
    ['明天', '2026-11-24T10:00:00+08:00'],
    ['后天', '2026-11-25T10:00:00+08:00'],
    ['大后天', '2026-11-26T10:00:00+08:00'],
    ['今天下午', '2026-11-23T14:00:00+08:00'],
    ['今晚', '2026-11-23T19:00:00+08:00'],
    ['明天中午', '2026-11-24T12:00:00+08:00'],
    ['明天上午', '2026-11-24T10:00:00+08:00'],
    ['明天晚上8点', '2026-11-24T20:00:00+08:00'],
    ['后天下午4点半', '2026-11-25T16:30:00+08:00'],
    ['明天上午十点半', '2026-11-24T10:30:00+08:00'],
    ['明天下午两点', '2026-11-24T14:00:00+08:00'],
    ['过两天', '2026-11-25T10:00:00+08:00'],
    ['两天后', '2026-11-25T10:00:00+08:00'],
    ['5天后', '2026-11-28T10:00:00+08:00'],
    ['一周后', '2026-11-30T10:00:00+08:00'],
    ['两个星期以后', '2026-12-07T10:00:00+08:00'],
    ['一个小时后', '2026-11-23T11:00:00+08:00'],
    ['半小时后', '2026-11-23T10:30:00+08:00'],
  ])('%s', (text, expected) => {
    expect(at(text, MON)).toBe(iso(expected));
  });
});

describe('weekdays (weeks start Monday)', () => {
  it('bare 周X is the coming one, never today', () => {
    expect(at('周五下午', MON)).toBe(iso('2026-11-27T14:00:00+08:00'));
    expect(at('星期一', MON)).toBe(iso('2026-11-30T10:00:00+08:00'));
    expect(at('礼拜天上午', MON)).toBe(iso('2026-11-29T10:00:00+08:00'));
  });
  it('下周二 from a Monday is eight days later', () => {
    expect(at('下周二下午3点', MON)).toBe(iso('2026-12-01T15:00:00+08:00'));
  });
  it('下周二 from a Sunday is two days later (next calendar week starts tomorrow)', () => {
    expect(at('下周二下午3点', SUN)).toBe(iso('2026-11-24T15:00:00+08:00'));
    expect(at('下周二', SUN)).toBe(iso('2026-11-24T10:00:00+08:00'));
  });
  it('这周五 and 下下周一', () => {
    expect(at('这周五', MON)).toBe(iso('2026-11-27T10:00:00+08:00'));
    expect(at('下下周一', MON)).toBe(iso('2026-12-07T10:00:00+08:00'));
  });
  it('下周 alone is the Monday of next week', () => {
    expect(at('下周再说', '2026-11-25T10:00:00+08:00')).toBe(iso('2026-11-30T10:00:00+08:00'));
  });
});

describe('days of the month', () => {
  it('月底 is the last day of the month', () => {
    expect(at('月底', '2026-12-08T10:30:00+08:00')).toBe(iso('2026-12-31T10:00:00+08:00'));
    expect(at('月底', '2027-02-03T10:30:00+08:00')).toBe(iso('2027-02-28T10:00:00+08:00'));
  });
  it('下个月5号, 下个月初, 下个月底', () => {
    expect(at('下个月5号', MON)).toBe(iso('2026-12-05T10:00:00+08:00'));
    expect(at('下个月5号下午3点', MON)).toBe(iso('2026-12-05T15:00:00+08:00'));
    expect(at('下个月初', MON)).toBe(iso('2026-12-01T10:00:00+08:00'));
    expect(at('下个月底', '2027-01-10T10:00:00+08:00')).toBe(iso('2027-02-28T10:00:00+08:00'));
  });
  it('下个月 wraps the year', () => {
    expect(at('下个月1号', '2026-12-20T10:00:00+08:00')).toBe(iso('2027-01-01T10:00:00+08:00'));
  });
  it('X号 is this month, or next month once past', () => {
    expect(at('28号', MON)).toBe(iso('2026-11-28T10:00:00+08:00'));
    expect(at('5号', MON)).toBe(iso('2026-12-05T10:00:00+08:00'));
  });
  it('X月X日 is this year, or next year once past', () => {
    expect(at('12月5日下午', MON)).toBe(iso('2026-12-05T14:00:00+08:00'));
    expect(at('3月1号', MON)).toBe(iso('2027-03-01T10:00:00+08:00'));
  });
  it('年后 is the first working day after the Spring Festival holiday', () => {
    expect(at('年后再联系', MON)).toBe(iso('2027-02-13T10:00:00+08:00'));
  });
});

describe('times of day', () => {
  it('a bare time later today stays today (下午三点 said at 09:45)', () => {
    expect(at('下午三点再打', '2026-11-24T09:45:00+08:00')).toBe(iso('2026-11-24T15:00:00+08:00'));
  });
  it('a bare time already past means tomorrow', () => {
    expect(at('下午三点再打', '2026-11-24T16:00:00+08:00')).toBe(iso('2026-11-25T15:00:00+08:00'));
  });
  it('晚上 alone is 19:00 today', () => {
    expect(at('晚上再打', '2026-11-25T13:20:00+08:00')).toBe(iso('2026-11-25T19:00:00+08:00'));
  });
  it('3点 without a part of day is 15:00 (nobody books 3 a.m.)', () => {
    expect(at('3点再打', MON)).toBe(iso('2026-11-23T15:00:00+08:00'));
  });
  it('"便宜一点" is not one o\'clock', () => {
    expect(at('能不能便宜一点', MON)).toBeNull();
  });
  it('respects defaultHour for a date without a time', () => {
    expect(at('明天', MON, SH, 9)).toBe(iso('2026-11-24T09:00:00+08:00'));
  });
});

describe('English', () => {
  it.each([
    ['tomorrow afternoon', '2026-11-24T14:00:00+08:00'],
    ['tomorrow at 11', '2026-11-24T11:00:00+08:00'],
    ['next Tuesday at 3pm', '2026-12-01T15:00:00+08:00'],
    ['Friday 3pm', '2026-11-27T15:00:00+08:00'],
    ['in 2 days', '2026-11-25T10:00:00+08:00'],
    ['in two days', '2026-11-25T10:00:00+08:00'],
    ['in 2 hours', '2026-11-23T12:00:00+08:00'],
    ['on the 10th at 2pm', '2026-12-10T14:00:00+08:00'],
    ['Dec 3 at noon', '2026-12-03T12:00:00+08:00'],
    ['end of the month', '2026-11-30T10:00:00+08:00'],
    ['next week', '2026-11-30T10:00:00+08:00'],
    ['tonight', '2026-11-23T19:00:00+08:00'],
    ['this afternoon at 4:30', '2026-11-23T16:30:00+08:00'],
  ])('%s', (text, expected) => {
    expect(at(text, MON)).toBe(iso(expected));
  });
  it('"next Monday" from a Sunday is tomorrow', () => {
    expect(at('call next Monday', SUN)).toBe(iso('2026-11-23T10:00:00+08:00'));
  });
});

describe('zones and DST', () => {
  it('Europe/London across the BST change (2027-03-28)', () => {
    // Saturday 27 March, GMT; the Friday after is in BST (+01:00).
    expect(at('next Friday 3pm', '2027-03-27T10:00:00+00:00', LDN)).toBe(iso('2027-04-02T15:00:00+01:00'));
    expect(at('明天上午', '2027-03-27T10:00:00+00:00', LDN)).toBe(iso('2027-03-28T10:00:00+01:00'));
    expect(at('in 2 days', '2027-03-27T12:00:00+00:00', LDN)).toBe(iso('2027-03-29T10:00:00+01:00'));
  });
  it('America/New_York, across the November fall-back', () => {
    expect(at('tomorrow at 9:30am', '2026-10-31T18:00:00-04:00', NY)).toBe(iso('2026-11-01T09:30:00-05:00'));
    expect(at('周一下午', '2026-11-20T18:00:00-05:00', NY)).toBe(iso('2026-11-23T14:00:00-05:00'));
  });
  it('a late evening in New York is already tomorrow in Shanghai', () => {
    // 2026-11-23 22:00 in New York = 2026-11-24 11:00 in Shanghai: 明天 differs by zone.
    const now = '2026-11-24T03:00:00Z';
    expect(at('明天', now, NY)).toBe(iso('2026-11-24T10:00:00-05:00'));
    expect(at('明天', now, SH)).toBe(iso('2026-11-25T10:00:00+08:00'));
  });
  it('an unknown zone falls back to UTC instead of throwing', () => {
    expect(at('明天', '2026-11-23T10:00:00Z', 'Mars/Olympus')).toBe(iso('2026-11-24T10:00:00Z'));
  });
});

describe('matched text and robustness', () => {
  it('reports the substring it came from', () => {
    const r = resolveTime('陈总没接，下午三点再打一次', { now: new Date('2026-11-24T09:45:00+08:00'), timeZone: SH });
    expect(r?.matched).toBe('下午三点');
    const en = resolveTime('Call him back next Friday 3pm.', { now: new Date(MON), timeZone: SH });
    expect(en?.matched).toBe('next Friday 3pm');
  });
  it('finds every expression in order', () => {
    const all = findTimes('明年3月才到期，下个月1号再联系', { now: new Date(MON), timeZone: SH });
    expect(all.map((t) => t.matched)).toEqual(['明年3月', '下个月1号']);
  });
  it('returns null for text without a time, and never throws', () => {
    const opts = { now: new Date(MON), timeZone: SH };
    for (const text of ['', '🙂🙂🙂', '\u0000\u0001\u0002', '张总没接', 'x'.repeat(20_000), '下午'.repeat(10_000)]) {
      expect(() => resolveTime(text, opts)).not.toThrow();
    }
    expect(resolveTime('张总没接', opts)).toBeNull();
    expect(resolveTime('', opts)).toBeNull();
  });
});
