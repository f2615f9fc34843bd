/**
 * Products named in any trade (head nouns and buying/interest phrases), closed-deal wordings,
 * per-period prices, do-not-call requests and "Name: what they said" reports. Sentences are
 * new ones, not copies of any evaluation set; negatives check what must not be extracted.
 */
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';
import { findProducts } from '../../core/extract/products.ts';

const SH = { now: new Date('2027-02-10T10:00:00+08:00'), timeZone: 'Asia/Shanghai' };
const LDN = { now: new Date('2027-02-10T10:00:00+00:00'), timeZone: 'Europe/London' };
const zh = (text: string) => extractActivity(text, SH);
const en = (text: string) => extractActivity(text, LDN);
const products = (text: string) => [...findProducts(text)].sort();

describe('products by head noun', () => {
  it.each([
    ['黄女士想给孩子报暑假游泳班，下周再聊', ['暑假游泳班']],
    ['王总 接通 5G专线 意向强', ['5G专线']],
    ['刘姐对瑜伽私教课有兴趣', ['瑜伽私教课']],
    ['陶先生说我们的少儿意外险比别人贵', ['少儿意外险']],
    ['彭总那边看了ERP旗舰版，说要内部讨论', ['ERP旗舰版']],
    ['林经理想给门店采购智能收银系统', ['智能收银系统']],
    ['王姐想办理少儿英语启蒙课', ['少儿英语启蒙课']],
    ['到时候再详细聊聊整屋定制套餐', ['整屋定制套餐']],
  ])('%s', (text, want) => {
    expect(products(text)).toEqual([...want].sort());
  });

  it.each([
    '张总说他们系统出问题了，下周再聊',
    '李姐说上次服务不好，不想续了',
    '王老师在上课，让下午再打',
    '孩子的班主任推荐的，想了解一下',
    '他说保险公司的人天天打电话',
    '今天要加班，周五再联系',
    '报了名，下周一开课',
    '说先看看课程大纲',
    '他们在用别家的CRM系统，合同还有一年',
    '孩子在上英语班，暂时不需要',
    '在电商平台上买过类似的',
  ])('finds no product in %s', (text) => {
    expect(findProducts(text)).toEqual([]);
  });
});

describe('products in buying and interest phrases', () => {
  it.each([
    ['赵先生做了全瓷牙冠 8000，今天付的款', ['全瓷牙冠']],
    ['客户问了下钢琴陪练的价格，B类', ['钢琴陪练']],
    ['她还在犹豫做不做烤瓷牙', ['烤瓷牙']],
    ['郭总试驾了理想L9，很满意', ['理想L9']],
    ['当场签了储能柜100kWh，合同12万', ['储能柜100kWh']],
    ['李阿姨对艾灸理疗很感兴趣', ['艾灸理疗']],
    ['成交了，定了两套基础版 5400', ['基础版']],
  ])('%s', (text, want) => {
    expect(products(text)).toEqual([...want].sort());
  });

  it.each([
    ['Mr Khan bought the EV Charger 7kW', ['EV Charger 7kW']],
    ['Spoke to Lisa about TeamSync Pro, she wants a trial', ['TeamSync Pro']],
    ['Demoed SmartPOS to the owner, follow up Friday', ['SmartPOS']],
    ['Very keen on Solar Max 10kW. Wants a quote.', ['Solar Max 10kW']],
  ])('%s', (text, want) => {
    expect(products(text)).toEqual(want);
  });

  it.each([
    '做了初步沟通，意向一般',
    '订了机票，下周回国',
    '介绍了公司情况，客户说先看看',
    '推荐了两个朋友过来',
    '问了下上门的费用',
    '老板娘很感兴趣，说要跟老公商量',
    '他对分期付款有兴趣',
    '做不做都行，看老板意思',
    "He's interested in a Zoom call next week",
    'Asked about our Refund Policy',
    'Spoke to Tom about Friday, he will call back',
    'Keen on London office visit',
  ])('finds no product in %s', (text) => {
    expect(findProducts(text)).toEqual([]);
  });
});

describe('closed deals', () => {
  it('takes 签的单 as won, with the amount before it', () => {
    expect(zh('冯女士做了全瓷牙冠 9800 昨天签的单')).toMatchObject({ stage: 'won', amount: 9800, products: ['全瓷牙冠'] });
  });

  it.each(['钱已经到账了，8800', '今天收到全款12800', '合同签了，一共3万', '这单成了！6000'])('won: %s', (text) => {
    expect(zh(text).stage).toBe('won');
  });

  it.each([
    'Closed! Sarah took the Pro package, £900',
    'Mr Lee went with the Family plan, £1,200',
    'Deal won - Acme renewal £12k',
  ])('won: %s', (text) => {
    expect(en(text).stage).toBe('won');
  });

  it.each([
    '张总意向很强，下周签约',
    '他问付款方式，说考虑一下',
    '客户说考虑好了就下单',
    '答应月底前付款',
    '交了500意向金，周末来看房',
  ])('not won yet: %s', (text) => {
    expect(zh(text).stage).not.toBe('won');
  });

  it.each(['He took the brochure and will call back', 'Store closed for the holidays, try again', 'Closed-lost, no budget'])(
    'not won: %s',
    (text) => {
      expect(en(text).stage).not.toBe('won');
    },
  );
});

describe('per-period prices', () => {
  it.each([
    ['孙总签了，SaaS标准版 20个账号 ¥9,600/年', 9600],
    ['签了，4800/年，明年续', 4800],
    ['成交，每年六千八', 6800],
    ['She signed up, £49/month', 49],
  ])('%s', (text, amount) => {
    const a = /[a-z]{3}/.test(text) ? en(text) : zh(text);
    expect(a).toMatchObject({ stage: 'won', amount });
  });
});

describe('do not call', () => {
  it.each([
    '卫先生说别烦他，把他从名单里删了',
    '客户要求把她的电话从通讯录移除',
    '以后不要再打电话过来',
    '说再打就投诉',
    'Asked us to take him off our list',
    'Please remove her details from the system',
    'He asked not to be contacted again',
    'Do not contact this customer',
  ])('%s', (text) => {
    const a = /[a-z]{3}/.test(text) ? en(text) : zh(text);
    expect(a.doNotCall).toBe(true);
    expect(a.followUpAt).toBeNull();
  });

  it.each(["Don't contact him before Friday, he's travelling", '删了几个无效联系人', '我把名单整理了一下'])('not: %s', (text) => {
    const a = /[a-z]{3}/.test(text) ? en(text) : zh(text);
    expect(a.doNotCall).toBe(false);
  });
});

describe('a name, a colon, then what the customer said', () => {
  it.each(['罗经理：方案要等董事会过了再说，下周二再联系', '王总（华通物流）：预算要下个月才批', '客户: 预算不够，明年再说'])(
    '%s is a connected call',
    (text) => {
      expect(zh(text).result).toBe('connected');
    },
  );

  it('is no report when a number or a name follows', () => {
    expect(zh('张总：13800138000').result).toBeNull();
    expect(zh('客户：张总 电话：13800138000').result).toBeNull();
  });

  it('gives a message no call result', () => {
    expect(zh('给李姐发微信：明天店里有活动，欢迎来看看')).toMatchObject({ kind: 'message', result: null });
  });
});
