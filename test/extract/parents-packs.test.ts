/**
 * Shapes a second blind-written set (an online tutoring company) showed missing: parents named
 * by surname or by their child's nickname (程妈妈, 乐乐妈妈), products sold as X包 (课时包),
 * 报了X as a closed deal, and objection wordings (看不见摸不着, "for way less", a rival's price
 * followed by 贵 in the same sentence). New sentences; negatives check what must not be read.
 */
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';
import { findProducts } from '../../core/extract/products.ts';

const SH = { now: new Date('2027-10-12T10:00:00+08:00'), timeZone: 'Asia/Shanghai' };
const zh = (text: string) => extractActivity(text, SH);

describe('parents and grandparents as customers', () => {
  it.each([
    ['给甜甜妈妈回了电话，聊了10分钟', '甜甜妈妈'],
    ['朵朵爸爸说周末再聊', '朵朵爸爸'],
    ['聂妈妈对课程很满意，B类', '聂妈妈'],
    ['萧爸爸没接', '萧爸爸'],
    ['傅大姐说要跟老公商量', '傅大姐'],
    ['天天奶奶接的电话，说孩子爸妈不在家', '天天奶奶'],
  ])('%s → %s', (text, name) => {
    expect(zh(text).customer).toBe(name);
  });

  it.each(['要跟孩子爸商量下', '他妈妈不同意，说再看看', '我爸妈也用过'])('no name in: %s', (text) => {
    expect(zh(text).customer).toBeNull();
  });
});

describe('products sold as packs', () => {
  it.each([
    ['对课时包挺感兴趣', ['课时包']],
    ['续了一个流量包，30块一个月', ['流量包']],
    ['冲刺包意向很强，A类', ['冲刺包']],
  ])('%s', (text, want) => {
    expect(findProducts(text)).toEqual(want);
  });

  it.each(['给孩子买了个书包', '过年发了个红包给他', '价格包括安装费和包邮', '东西打包寄过去了', '他们公司把活外包了'])('not a product: %s', (text) => {
    expect(findProducts(text)).toEqual([]);
  });
});

describe('报了 as a deal', () => {
  it('enrolling in a product with a price is a won deal with its amount', () => {
    expect(zh('韩女士第一次通话就报了启蒙包2680')).toMatchObject({ stage: 'won', amount: 2680, products: ['启蒙包'] });
  });

  it('quoting a price is not', () => {
    expect(zh('给王总报了个价，3000，他说考虑下').stage).not.toBe('won');
    expect(zh('给王总报了价格，他嫌贵').stage).not.toBe('won');
  });
});

describe('objection wordings', () => {
  it('wanting to see in person: 看不见摸不着, a visit to a place with a modifier before it', () => {
    expect(zh('孙女士说网上的东西看不见摸不着，不放心').objections).toContain('other');
    expect(zh('想带孩子去线下体验中心看看再说').objections).toEqual(['other']);
  });

  it('taking a child somewhere is not being busy; being busy with the child is', () => {
    expect(zh('想带孩子去门店看看再定').objections).not.toContain('no_time');
    expect(zh('她在带孩子，没法细聊').objections).toContain('no_time');
  });

  it('a rival’s lower price then 贵 in one sentence is the competitor objection only', () => {
    expect(zh('他说隔壁机构一节课才50，我们的要80，贵太多了').objections).toEqual(['competitor_cheaper']);
    expect(zh('嫌贵。另外别家便宜一半').objections).toEqual(['price', 'competitor_cheaper']);
  });

  it('"for way less" is a cheaper competitor', () => {
    const en = extractActivity('She says another school does it for way less.', { now: new Date('2027-10-12T10:00:00+01:00'), timeZone: 'Europe/London' });
    expect(en.objections).toEqual(['competitor_cheaper']);
  });

  it('a printed or electronic course introduction is material to send', () => {
    expect(zh('要一份纸质版课程介绍，寄到家里').objections).toEqual(['send_materials']);
  });
});
