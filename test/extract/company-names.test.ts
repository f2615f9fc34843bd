/**
 * Companies and people named in ways a suffix list or a short surname list misses: a firm
 * known only by where it stands (X的王总, 王总（X）, "Rachel from X"), rarer surnames, 小X +
 * verb, Japanese and English names in odd places. Negative cases pin what must stay unread:
 * a rival's product, a place, a note in brackets, everyday words that look like surnames.
 */
import { describe, expect, it } from 'vitest';
import { extractActivity } from '../../core/extract/extract.ts';

const opts = { now: new Date('2027-02-10T10:00:00+08:00'), timeZone: 'Asia/Shanghai' };
const read = (text: string) => extractActivity(text, opts);

describe('company without an industry suffix list', () => {
  it.each([
    ['跟蓝天教育的刘校长聊了二十分钟，B类', '蓝天教育', '刘校长'],
    ['打给星河培训的陈老师，没人接', '星河培训', '陈老师'],
    ['拜访了远大口腔的周医生，聊了一个小时', '远大口腔', '周医生'],
    ['黄工（宏大建设）忙音，晚点再打', '宏大建设', '黄工'],
    ['佐藤先生（富士商事）想要资料', '富士商事', '佐藤先生'],
    ['王总（北辰汽车4S店）说下周来试驾', '北辰汽车4S店', '王总'],
    ['李总，鸿运贸易的老板，聊了十分钟', '鸿运贸易', '李总'],
    ['江先生是华宇电子的工程师，聊了半小时', '华宇电子', '江先生'],
    ['刚和晨光文化何总聊完，下周再约', '晨光文化', '何总'],
    ['刘先生在华为上班，对团体险有兴趣', '华为', '刘先生'],
    ['华通那边的王总说再等等', '华通', '王总'],
    ['广州恒达贸易有限公司的采购冯经理要报价', '广州恒达贸易有限公司', '冯经理'],
  ])('%s', (text, company, customer) => {
    expect(read(text)).toMatchObject({ company, customer });
  });

  it.each([
    ['Called Ms Rivera at Harbour View Dental, 15 mins, keen.', 'Harbour View Dental', 'Ms Rivera'],
    ['Sam from Apex Roofing called back, wants a quote.', 'Apex Roofing', 'Sam'],
    ['Emailed Lisa at Pinecrest, she will forward it to her boss.', 'Pinecrest', 'Lisa'],
    ['Meeting with John Carter of Bluewave Media, A grade.', 'Bluewave Media', 'John Carter'],
    ['Sarah Lopez from the Riverside Clinic wants a demo.', 'Riverside Clinic', 'Sarah Lopez'],
    ['Mr Park (Hanil Trading) wants samples.', 'Hanil Trading', 'Mr Park'],
    ['Kate works at Lakeside Pharmacy, wants a callback.', 'Lakeside Pharmacy', 'Kate'],
    ['Spoke to the owner at Northgate Motors, keen.', 'Northgate Motors', null],
  ])('%s', (text, company, customer) => {
    expect(read(text)).toMatchObject({ company, customer });
  });
});

describe('what is not the customer’s company', () => {
  it.each([
    '王总说他们已经在用别家的进销存软件了，不考虑', // a rival's product
    '简单介绍了一下我们的排班软件，孙姐说先看看', // our own product
    '他们用的是顺丰快递，王总说不想换', // their current supplier
    '韩先生在康达健身办了年卡，明年才到期', // bought elsewhere
    '钱女士想装屋顶光伏，聊了二十分钟，A类', // a product, not a firm
    '孙先生对新能源汽车很感兴趣',
    '杨总 聊了5分钟 暂时不考虑装修 C类',
    '李经理（老客户）说要续费', // a note in brackets
    '张总（A类）聊了十分钟',
    '陈总（深圳）下周回来', // a place
    '上海的王总说下周来',
    '学校的王老师说要开会商量', // the kind of place only
    '隔壁公司的王总也感兴趣',
    '做物流的王总说太贵', // what they do, not where
    '老客户刘阿姨介绍的孙先生，聊了十分钟',
    'Chris from London called, B grade.',
    'Spoke to Mr Khan from Monday’s list, no interest.',
    'Called Mrs Lee at home, no answer.',
    'Interested in the Home Insurance plan, said Mrs Green.',
    'Mr Park (VIP) wants samples.',
  ])('%s', (text) => {
    expect(read(text).company).toBeNull();
  });
});

describe('surnames and familiar names', () => {
  it.each([
    ['席先生说价格太贵了', '席先生'],
    ['赖总 13812345678 没接', '赖总'],
    ['给冷经理打了电话，说在开会', '冷经理'],
    ['车总 接通 聊了5分钟', '车总'],
    ['给路总打了两次都是忙音', '路总'],
    ['司先生说不需要', '司先生'],
    ['时经理说月底再联系', '时经理'],
    ['米姐说下次再说', '米姐'],
    ['池总说要跟合伙人商量', '池总'],
    ['和总聊了十分钟，他要考虑', '和总'],
    ['司马先生说下周再说', '司马先生'],
    ['诸葛女士没接', '诸葛女士'],
    ['小何签了两年，已经付款', '小何'],
    ['老郑订了三份，电话里聊了5分钟', '老郑'],
    ['小张明天来店里看看', '小张'],
    ['陈Sir说要再考虑', '陈Sir'],
    ['李madam没接', '李madam'],
    ['田中さん说要看资料', '田中さん'],
    ['跟佐藤先生聊了半小时', '佐藤先生'],
  ])('%s', (text, customer) => {
    expect(read(text).customer).toBe(customer);
  });

  it.each([
    ['我和姐姐商量一下再说', null], // 和 is a word here
    ['说明总体方案后，李总很满意', '李总'],
    ['这个临时工不行，王总说换人', '王总'],
    ['党总支开会，客户没空', null],
    ['师姐介绍的客户刘先生，聊了一会', '刘先生'],
    ['小于一万的单子不做', null],
    ['前台小姐说老板不在，下午再打', null],
  ])('%s', (text, customer) => {
    expect(read(text).customer).toBe(customer);
  });
});

describe('English names in unusual positions', () => {
  it.each([
    ['Sent the brochure to Anna, she will read it tonight.', 'Anna'],
    ['Wrong number - Paul Dixon, 0161 496 0000', 'Paul Dixon'],
    ['Deal done! Grace Kim at Summit Realty paid the deposit.', 'Grace Kim'],
    ['Sato-san (Kaito Shipping) asked for a price list.', 'Sato-san'],
    ['Tom, 5 mins, B grade, call back Friday.', 'Tom'],
    ['They already use another supplier and are happy, said Tom.', 'Tom'],
    ['Installation at Acme Ltd went well, Mr Smith is happy.', 'Mr Smith'],
  ])('%s', (text, customer) => {
    expect(read(text).customer).toBe(customer);
  });

  it.each([
    'Demo of Fleet Tracker Pro went well with the buyer.',
    'Trial from Monday for Acme Ltd staff.',
    'Interested, B grade, call back Friday.',
  ])('no person in: %s', (text) => {
    expect(read(text).customer).toBeNull();
  });
});
