/**
 * Logs from companies the dev set never saw (a catering supplier, a SaaS vendor, a gym, an
 * English-speaking team…): the extractor must generalise, not remember 云帆健康.
 * Each case lists only the fields it pins down; the rest are free.
 */
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';
import { toFormatJson } from '../../core/extract/to-json.ts';

interface Case {
  text: string;
  now: string;
  tz?: string;
  known?: string[];
  expect: Record<string, unknown> & { referredBy?: string | null };
}

const SH = 'Asia/Shanghai';
const LDN = 'Europe/London';
const NY = 'America/New_York';

const CASES: Case[] = [
  {
    text: '给刘经理打了个电话，他是宏达餐饮的采购，聊了十几分钟，对企业套餐有兴趣，让我先发份报价，下周一上午再跟进',
    now: '2027-01-13T10:00:00+08:00',
    expect: { kind: 'call', customer: '刘经理', company: '宏达餐饮', result: 'connected', durationMin: 15, products: ['企业套餐'], objections: ['send_materials'], followUpAt: '2027-01-18T10:00:00+08:00' },
  },
  {
    text: '王总 13800138000 无人接听，明天下午4点半再打',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '王总', phone: '13800138000', result: 'no_answer', followUpAt: '2027-01-14T16:30:00+08:00' },
  },
  {
    text: 'Spoke to Mrs Patel for 12 min, she signed up, ¥6,800',
    now: '2027-01-13T10:00:00+00:00',
    tz: LDN,
    expect: { kind: 'call', customer: 'Mrs Patel', result: 'connected', durationMin: 12, stage: 'won', amount: 6800 },
  },
  {
    text: 'Left a voicemail for Tom at Acme Ltd, try again Friday 3pm',
    now: '2027-01-13T10:00:00+00:00',
    tz: LDN,
    expect: { kind: 'call', customer: 'Tom', company: 'Acme Ltd', result: 'no_answer', followUpAt: '2027-01-15T15:00:00+00:00' },
  },
  {
    text: '孙女士的号码是空号 021-65432100',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '孙女士', phone: '02165432100', result: 'invalid_number', followUpAt: null },
  },
  {
    text: '赵老板说已经有合作的供应商了，没兴趣，C类',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '赵老板', result: 'connected', intent: 'C', objections: ['has_supplier'] },
  },
  {
    text: '郭阿姨签了家庭套餐，两万，刷卡付的',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '郭阿姨', stage: 'won', amount: 20000, products: ['家庭套餐'] },
  },
  {
    text: '周姐一直占线，半小时后再打',
    now: '2027-01-13T14:00:00+08:00',
    expect: { customer: '周姐', result: 'busy', followUpAt: '2027-01-13T14:30:00+08:00' },
  },
  {
    text: "Rang Peter Green at Brightside Logistics, he's in a meeting, call back at 4pm",
    now: '2027-01-13T11:00:00+00:00',
    tz: LDN,
    expect: { customer: 'Peter Green', company: 'Brightside Logistics', objections: ['no_time'], followUpAt: '2027-01-13T16:00:00+00:00' },
  },
  {
    text: 'Emailed Mr Okafor the brochure he asked for, follow up next Tuesday',
    now: '2027-01-17T12:00:00+00:00', // a Sunday: next calendar week starts tomorrow
    tz: LDN,
    expect: { kind: 'message', customer: 'Mr Okafor', result: null, followUpAt: '2027-01-19T10:00:00+00:00' },
  },
  {
    text: '今天上门拜访了华康药房的冯店长，当面演示了收银系统，他说要跟老板商量',
    now: '2027-01-13T16:00:00+08:00',
    expect: { kind: 'visit', customer: '冯店长', company: '华康药房', result: null, objections: ['consult_others'], followUpAt: null },
  },
  {
    text: "Ms Garcia says it's a scam and told me to remove her from our list",
    now: '2027-01-13T10:00:00-05:00',
    tz: NY,
    expect: { customer: 'Ms Garcia', objections: ['trust'], doNotCall: true, followUpAt: null },
  },
  {
    text: '吴阿姨是邻居李大妈介绍来的，对季卡感兴趣，想到店里看看再说',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '吴阿姨', referral: true, referredBy: '李大妈', products: ['季卡'], objections: ['other'] },
  },
  {
    text: '李先生，13912340000，聊了1小时20分钟，A类，周五下午两点半约了面谈',
    now: '2027-01-11T09:00:00+08:00',
    expect: { customer: '李先生', phone: '13912340000', durationMin: 80, intent: 'A', stage: 'intent', followUpAt: '2027-01-15T14:30:00+08:00' },
  },
  {
    text: 'No answer from Priya Shah. Try again tomorrow morning.',
    now: '2027-01-13T16:00:00+00:00',
    tz: LDN,
    expect: { customer: 'Priya Shah', result: 'no_answer', followUpAt: '2027-01-14T10:00:00+00:00' },
  },
  {
    text: 'Talked to John Miller for half an hour. He wants to discuss it with his wife, B grade, call him in 3 days',
    now: '2027-01-13T15:00:00-05:00',
    tz: NY,
    expect: { customer: 'John Miller', result: 'connected', durationMin: 30, intent: 'B', objections: ['consult_others'], followUpAt: '2027-01-16T10:00:00-05:00' },
  },
  {
    text: '马先生说比隔壁那家贵了两百，要考虑一下，下个月初再联系',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '马先生', objections: ['competitor_cheaper', 'think_it_over'], followUpAt: '2027-02-01T10:00:00+08:00' },
  },
  {
    text: "Mr Brown's number is disconnected",
    now: '2027-01-13T10:00:00+00:00',
    tz: LDN,
    expect: { customer: 'Mr Brown', result: 'invalid_number' },
  },
  {
    text: '陈女士微信上说这周末没空，下周三晚上再聊',
    now: '2027-01-13T10:00:00+08:00',
    expect: { kind: 'message', customer: '陈女士', objections: ['no_time'], followUpAt: '2027-01-20T19:00:00+08:00' },
  },
  {
    text: 'Meeting with Helen Wu of Zenith Tech Ltd went well, she is very interested in the Enterprise plan, A grade, next meeting 2 Feb at 10am',
    now: '2027-01-13T10:00:00+00:00',
    tz: LDN,
    expect: { kind: 'meeting', customer: 'Helen Wu', company: 'Zenith Tech Ltd', intent: 'A', products: ['Enterprise plan'], followUpAt: '2027-02-02T10:00:00+00:00' },
  },
  {
    text: '钱总的电话关机了，晚上再试',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '钱总', result: 'no_answer', followUpAt: '2027-01-13T19:00:00+08:00' },
  },
  {
    text: '跟何女士聊了5分钟，她说要和老公商量，三天后回访',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '何女士', durationMin: 5, objections: ['consult_others'], followUpAt: '2027-01-16T10:00:00+08:00' },
  },
  {
    text: '熊先生电话里同意了，下单两套基础版，总共5400元',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '熊先生', result: 'connected', stage: 'won', amount: 5400 },
  },
  {
    text: "Mrs O'Brien bought the Gold membership for £1,200 after the trial",
    now: '2027-01-13T10:00:00+00:00',
    tz: LDN,
    expect: { customer: "Mrs O'Brien", stage: 'won', amount: 1200, products: ['Gold membership'] },
  },
  {
    text: '黄阿姨第一次接电话，听了一下就说不需要，挂了',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '黄阿姨', result: 'connected', objections: ['no_need'], doNotCall: false },
  },
  {
    text: '唐总 无法接通',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '唐总', result: 'no_answer', objections: [], followUpAt: null },
  },
  {
    text: '通话8分钟，罗女士是老客户杨总推荐的，意向B类，月底前再回访',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '罗女士', durationMin: 8, referral: true, referredBy: '杨总', intent: 'B', followUpAt: '2027-01-31T10:00:00+08:00' },
  },
  {
    text: 'Sam at Northwind Trading said they already use another supplier. Not interested.',
    now: '2027-01-13T10:00:00-05:00',
    tz: NY,
    expect: { customer: 'Sam', company: 'Northwind Trading', intent: 'C', objections: ['has_supplier'] },
  },
  {
    text: '张姐说最近手头紧，过完年再说',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '张姐', objections: ['price'], followUpAt: '2027-02-13T10:00:00+08:00' },
  },
  {
    text: '客户说你们是不是骗子，怎么有我电话',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: null, objections: ['trust'] },
  },
  {
    text: 'Customer Mr Lee, referred by Anna Smith, keen on the annual plan. Follow up in 2 weeks.',
    now: '2027-01-13T10:00:00-05:00',
    tz: NY,
    known: ['Annual Plan', 'Monthly Plan'],
    expect: { customer: 'Mr Lee', referral: true, referredBy: 'Anna Smith', products: ['Annual Plan'], intent: 'A', followUpAt: '2027-01-27T10:00:00-05:00' },
  },
  {
    text: '邱先生说他们已经用了别家的系统，合同还有半年，C类，半年后再联系',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '邱先生', intent: 'C', objections: ['has_supplier'], followUpAt: '2027-07-13T10:00:00+08:00' },
  },
  {
    text: '蔡经理要我们先寄样品和报价单，下周四上午10点再打过去',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '蔡经理', objections: ['send_materials'], followUpAt: '2027-01-21T10:00:00+08:00' },
  },
  {
    text: '和高总在腾讯会议上聊了40分钟，演示了旗舰版，他很感兴趣，约了12月5号下午3点再谈',
    now: '2026-11-20T10:00:00+08:00',
    known: ['旗舰版', '标准版'],
    expect: { kind: 'meeting', customer: '高总', durationMin: 40, intent: 'A', products: ['旗舰版'], followUpAt: '2026-12-05T15:00:00+08:00' },
  },
  {
    text: 'Dr Evans signed the 12-month contract today, $4.5k, wants onboarding next Monday at 9:30',
    now: '2027-03-10T14:00:00-05:00',
    tz: NY,
    expect: { customer: 'Dr Evans', stage: 'won', amount: 4500, followUpAt: '2027-03-15T09:30:00-04:00' },
  },
  {
    text: '刚打给小王，他说这个月太忙了，等月底再联系',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '小王', objections: ['no_time'], followUpAt: '2027-01-31T10:00:00+08:00' },
  },
  {
    text: '付阿姨报名了少儿游泳年卡，3千8，用的分期',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '付阿姨', stage: 'won', amount: 3800, products: ['少儿游泳年卡'] },
  },
  {
    text: 'The number for Mr Adams is wrong number, no follow up needed',
    now: '2027-01-13T10:00:00+00:00',
    tz: LDN,
    expect: { customer: 'Mr Adams', result: 'invalid_number', followUpAt: null },
  },
  {
    text: '潘总拒接，下周再说',
    now: '2027-01-13T10:00:00+08:00',
    expect: { customer: '潘总', result: 'no_answer', followUpAt: '2027-01-18T10:00:00+08:00' },
  },
];

const pick = (obj: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, obj[k]]));

describe('generalisation to unseen companies and wording', () => {
  it.each(CASES.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    const tz = c.tz ?? SH;
    const a = extractActivity(c.text, { now: new Date(c.now), timeZone: tz, knownProducts: c.known ?? [] });
    const { referredBy, ...fields } = c.expect;
    const json = toFormatJson(a, tz);
    const expected = { ...fields };
    if (typeof expected.followUpAt === 'string') expected.followUpAt = new Date(expected.followUpAt).toISOString();
    const actual = pick(json, Object.keys(fields));
    if (typeof actual.followUpAt === 'string') actual.followUpAt = new Date(actual.followUpAt).toISOString();
    for (const k of ['products', 'objections']) {
      if (Array.isArray(actual[k])) actual[k] = [...(actual[k] as string[])].sort();
      if (Array.isArray(expected[k])) expected[k] = [...(expected[k] as string[])].sort();
    }
    expect(actual).toEqual(expected);
    if (referredBy !== undefined) expect(a.referredBy).toBe(referredBy);
  });

  it('has at least 25 cases in both languages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(CASES.filter((c) => /[a-z]{3}/i.test(c.text) && !/\p{Script=Han}/u.test(c.text)).length).toBeGreaterThanOrEqual(10);
  });
});
