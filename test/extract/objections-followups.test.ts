/**
 * Families of wordings for objections, follow-up cues and talk time that reps type but the
 * dev set never used (colloquial Chinese and English), plus messages that must NOT produce
 * an objection or a follow-up.
 */
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';
import { findTimes } from '../../core/time/resolve.ts';

const SH = 'Asia/Shanghai';
const LDN = 'Europe/London';
const NY = 'America/New_York';
// 2027-03-03 is a Wednesday.
const NOW_SH = '2027-03-03T10:00:00+08:00';
const NOW_LDN = '2027-03-03T10:00:00+00:00';

function extract(text: string, now = NOW_SH, timeZone = SH) {
  return extractActivity(text, { now: new Date(now), timeZone });
}
const objections = (text: string, now?: string, tz?: string) => [...extract(text, now, tz).objections].sort();
const followUp = (text: string, now?: string, tz?: string) => extract(text, now, tz).followUpAt?.toISOString() ?? null;
const iso = (s: string) => new Date(s).toISOString();

describe('objection families', () => {
  it.each([
    // no_need: no point / no use
    ['蒋老师觉得给孩子报这个没必要', ['no_need']],
    ['吕总说这套系统对他们用处不大', ['no_need']],
    ['She doesn’t see the point of a second account'.replace('’', "'"), ['no_need']],
    ['Mr Hale said it would be no use to a firm their size', ['no_need']],
    // has_supplier: a contract still running, signed or renewed elsewhere
    ['柯总他们跟另一家签了两年的协议，C类', ['has_supplier']],
    ['杭经理说现有的合同还没到期', ['has_supplier']],
    ['Mr Price is locked into a deal with his broker until the autumn', ['has_supplier']],
    ['Their agreement runs till 2028, C grade', ['has_supplier']],
    // send_materials: brochure, deck, outline, price sheet
    ['石女士让我把课程大纲发她微信', ['send_materials']],
    ['邵总要一份产品手册看看', ['send_materials']],
    ['Ms Ortiz asked us to email over the spec sheet', ['send_materials']],
    ['He wants the deck before we talk again', ['send_materials']],
    // consult_others: sign-off inside an organisation
    ['汤主任说采购要总部审批', ['consult_others']],
    ['Mrs Adler needs approval from her finance team', ['consult_others']],
    ['He will take it to the board next month', ['consult_others']],
    // price: over budget, a named fee too high
    ['魏先生说课时费有点高', ['price']],
    ['The premium is way too high for her', ['price']],
    ['Project is beyond their budget this year', ['price']],
    // no_time: busy elsewhere right now
    ['骆总在外地，说手头有事', ['no_time']],
    ['Dr Shah was snowed under with end-of-quarter work', ['no_time']],
    ['Mr Bell is tied up in court all week', ['no_time']],
    // trust: uneasy, burnt before
    ['管阿姨说心里没底，怕又被忽悠', ['trust']],
    ['Mr Reid got burned by a solar installer last year', ['trust']],
    // other: wants to see the place in person
    ['卫女士想先来门店看看再决定', ['other']],
    ['Mrs Lowe wants to tour the showroom before she commits', ['other']],
  ])('%s', (text, expected) => {
    expect(objections(text, NOW_LDN, LDN)).toEqual([...expected].sort());
  });

  it('"not interested" with no reason is no_need, next to a real reason it is only mood', () => {
    expect(objections('Mr Tate said he is not interested, hung up', NOW_LDN, LDN)).toEqual(['no_need']);
    expect(objections('欧先生对这个不感兴趣')).toEqual(['no_need']);
    expect(objections('She already has a plan with another gym and is not interested for now', NOW_LDN, LDN)).toEqual(['has_supplier']);
  });

  it.each([
    '问他有没有兴趣，他说有点兴趣，B类',
    '老板批量订了二十套，已付款',
    '明天上午带方案上门，A类',
    '刚给他发了红包，聊了5分钟',
    'Emailed the proposal to Mr Khan, chase Friday',
    'He is already with us and renewing, happy with the service',
    '愿意先试听一节课，B类', // trying first is not "other"
  ])('no objection in: %s', (text) => {
    expect(objections(text, NOW_LDN, LDN)).toEqual([]);
  });
});

describe('follow-up: a future time next to a contact verb, in either order', () => {
  it.each([
    ['龚总说下周三下午给他去个电话', '2027-03-10T14:00:00+08:00'],
    ['丁姐说后天上午给答复', '2027-03-05T10:00:00+08:00'],
    ['约了周六上午来店里试驾', '2027-03-06T10:00:00+08:00'],
    ['尤先生说下下周二才出差回来，到时候再约', '2027-03-16T10:00:00+08:00'],
    ['一刻钟后再打给她', '2027-03-03T10:15:00+08:00'],
    ['过半个钟再拨', '2027-03-03T10:30:00+08:00'],
  ])('%s', (text, expected) => {
    expect(followUp(text)).toBe(iso(expected));
  });

  it.each([
    ['No answer. Retry Friday morning.', '2027-03-05T10:00:00+00:00'],
    ['Chase her on the 10th', '2027-03-10T10:00:00+00:00'],
    ['Will ring him back tomorrow at 2:15pm', '2027-03-04T14:15:00+00:00'],
    ['Revisit in a couple of weeks', '2027-03-17T10:00:00+00:00'],
    ['Try him again the 8th of next month', '2027-04-08T10:00:00+01:00'],
    ['Circle back next Tuesday 11am', '2027-03-09T11:00:00+00:00'],
  ])('%s', (text, expected) => {
    expect(followUp(text, NOW_LDN, LDN)).toBe(iso(expected));
  });

  it.each([
    '阮总说他下周一才回国', // a time about something else, no contact verb
    '今天下午上门拜访了严总，面谈了一个钟，签了', // the time of what already happened
    '明天别再打了',
    'Their contract ends next year.',
    'The meeting on Friday went well, B grade.',
    'She asked us not to call on Monday.',
    'Spoke for 25 minutes, she will think about it', // a talk time is not "in 25 minutes"
  ])('no follow-up in: %s', (text) => {
    expect(followUp(text, NOW_LDN, LDN)).toBeNull();
  });
});

describe('talk time', () => {
  it.each([
    ['跟郝总聊了一刻钟', 15],
    ['电话里聊了三刻钟', 45],
    ['聊了个把钟头', 60],
    ['聊了半个钟，说考虑一下', 30],
    ['聊了一个钟', 60],
    ['聊了二十来分钟', 20],
    ['Spoke for an hour and a half', 90],
    ['Call lasted 1 hour 10 mins', 70],
  ])('%s', (text, minutes) => {
    expect(extract(text).durationMin).toBe(minutes);
  });

  it('过半小时再打 is a time, not a talk time', () => {
    const a = extract('过半小时再打');
    expect(a.durationMin).toBeNull();
    expect(a.followUpAt?.toISOString()).toBe(iso('2027-03-03T10:30:00+08:00'));
  });
});

describe('time expressions', () => {
  const at = (text: string, now: string, tz: string) => findTimes(text, { now: new Date(now), timeZone: tz }).map((t) => t.at.toISOString());
  it('"8:30pm" keeps its meridiem', () => {
    expect(at('call at 8:30pm', '2027-03-03T10:00:00-05:00', NY)).toEqual([iso('2027-03-03T20:30:00-05:00')]);
  });
  it('"the 5th of next month" is one day', () => {
    expect(at('on the 5th of next month', '2027-03-20T10:00:00-04:00', NY)).toEqual([iso('2027-04-05T10:00:00-04:00')]);
  });
  it('三刻钟以后 / 个把小时后 are instants', () => {
    expect(at('三刻钟以后', NOW_SH, SH)).toEqual([iso('2027-03-03T10:45:00+08:00')]);
    expect(at('个把小时后', NOW_SH, SH)).toEqual([iso('2027-03-03T11:00:00+08:00')]);
  });
});
