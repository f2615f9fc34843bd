/**
 * The customer's company, found two ways:
 *  - by its shape: a Chinese name ending in an organisation word (华通物流, 鑫达建材, 某某有限公司)
 *    or an English one ending in Ltd/Inc/Logistics/Motors…;
 *  - by where it stands, whatever its name: before 的 + the person or their role (启明教育的王总,
 *    宏达餐饮的采购), in brackets after the person (周工（宏远建设）, Tanaka-san (Aozora)), or after
 *    "<Person> at/from/of" (Rachel from Greenleaf Solar).
 * A competitor or a product (别家的项目管理软件, 在康乐汇办了年卡, they use Acme Ltd) is not the
 * customer's company. The earliest candidate wins: reps name the customer's firm first.
 */
import { findNames, type NameMatch } from './names.ts';
import { EN_ORG_SUFFIX } from './org-words.ts';

/** Words that end an organisation's name and are rarely anything else. */
const ZH_SUFFIX =
  '股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|株式会社|商事|物流|快递|建材|建筑|建设|科技|通信|贸易|商贸|实业|传媒|医药|制药|药业|药房|诊所|机械|服饰|地产|置业|物业|工贸|汽修|印刷|化工|五金|商行|工作室|律所|事务所|纺织|钢铁|航运|货运|运输|电器|门诊|幼儿园|4S店|控股';
/**
 * Industry words that are also everyday nouns (少儿教育, 屋顶光伏, 百万医疗险, 不考虑装修): a name
 * ending in one counts only right before a person (启明教育王总) or in the structural slots.
 */
const ZH_WEAK_SUFFIX =
  '教育|培训|学校|学院|医疗|医院|口腔|保险|光伏|能源|汽车|装修|装饰|软件|制造|电子|网络|信息|咨询|投资|广告|餐饮|酒店|超市|包装|家具|家居|塑料|设计|美容|健身|食品|酒业|农业|环保|电力|照明|安防|家政|文化|影视|体育|车行|银行|证券|基金|中心';
/** Characters that end the text before a company name (刚给华通物流 → 华通). */
const BOUNDARY = /[的了和跟与给在是到去从找打对向为把被说问约跟同及或,.;:!?()（）\s\d]/u;
/** Words that end the text before a name too: 今天上门拜访华通物流 → 华通. */
const LEAD_WORDS = /拜访|联系|打给|电话|通话|客户|老板|上门|回访|今天|昨天|刚才|刚刚|刚|一家|这家|那家|有家|某家|家的|来自|就是|就职|工作|上班|见了/gu;
const NOT_A_NAME = /^(?:我们|你们|他们|她们|咱们|我|你|他|她|本|贵|这家|那家|这个|那个|一家|别的|别家|其他|其它|同一|大|小|老|新|原|上家|前)$/;
/** A head with a pronoun, a verb or an adverb is a clause, not a name (暂时不考虑装修, 聊聊全包装). */
const NOT_IN_HEAD = /[我你他她它们这那哪让叫请说问查证不没再还也都就很太聊谈虑想要买签办装做报换试听]/u;
/** Said of a rival or of what they already use: 别家的…, 我们的…, 他们用的…, 在用…, 换成… */
const RIVAL_BEFORE =
  /(?:别家|别人家|人家|他们|她们|我们|咱们|我司|自己|竞品|竞争对手|对手|同行|其他家|其它家|另一家|隔壁)(?:在?用|用着|用了|买)?的$|(?:在用|正在用|用的是|用的|用着|用了|换成|换了|换到|买了|买的)$/u;
/** A kind of company, not a name: 财务公司, 代账公司, 皮包公司 (同行有家财务公司…). */
const GENERIC_ORG = /^(?:正规|大型|小型|财务|会计|代账|记账|保险|物流|装修|家政|中介|外包|培训|广告|快递|贸易|科技|网络|软件|房产|地产|皮包|空壳|建筑|清洁|保洁|安保|物业|电商|投资|咨询|金融|小贷|贷款|担保|餐饮|服装|外贸|代理|销售|技术|互联网|上市|国有|国营|私人|民营|外资|合资|大|小|新|老|别的|其他|同行)(?:公司|集团|集团公司|有限公司)$/u;
/** Bought or signed there: a supplier (在康乐汇办了年卡). */
const RIVAL_AFTER = /^(?:那边|那里|那儿)?(?:办了|买了|签了|订了|买过|办过|续了)/u;
/** A product or service named after the industry word: 物流专线, 装修套餐, 医疗险. */
const PRODUCT_AFTER = /^(?:套餐|产品|服务|方案|系统|平台|软件|版|专线|业务|项目|课|班|年卡|卡|险|报价|价格|费|成本|设备|行业|板块)/u;

/** After 的: the person's role (宏达餐饮的采购, 鑫达建材的老板). */
const ROLE =
  /^(?:老板娘|老板|老总|采购|负责人|总经理|副总|经理|总监|主管|店长|厂长|院长|校长|园长|财务|会计|出纳|行政|人事|HR|前台|秘书|助理|董事长|创始人|合伙人|联系人|对接人|工程师|技术|法人|股东|主任|站长|所长|行长)/u;
/** What stands before 的 or in brackets but is not a company. */
const NOT_ORG_WORDS =
  /[我你他她它们这那哪谁其]|老婆|老公|爱人|媳妇|儿子|女儿|孩子|小孩|父母|爸|妈|爷|奶|哥哥|姐姐|弟弟|妹妹|家人|家里|亲戚|朋友|同事|同学|邻居家?$|老乡|客户|会员|熟人|领导|上司|下属|员工|介绍|推荐|门口|对面|隔壁|楼下|楼上|附近|旁边|小区|社区|老家|本地|当地|外地|展会|活动|讲座|群里|网上|线上|线下|微信|电话|抖音|朋友圈|一家|某/u;
const TIME_WORD =
  /[今昨明前后]天|上午|下午|晚上|早上|中午|傍晚|凌晨|刚才|之前|以前|上次|这次|下次|当时|最近|去年|今年|明年|[上下本这]个?(?:周|月|星期|礼拜)|周[一二三四五六日天末]|星期|礼拜|月底|月初|年底|年初|\d/u;
const PLACE =
  /^(?:北京|上海|天津|重庆|广州|深圳|杭州|南京|苏州|武汉|成都|西安|长沙|郑州|济南|青岛|沈阳|大连|哈尔滨|长春|福州|厦门|宁波|无锡|合肥|南昌|昆明|贵阳|南宁|海口|三亚|石家庄|太原|呼和浩特|兰州|西宁|银川|乌鲁木齐|拉萨|东莞|佛山|珠海|中山|温州|常州|徐州|烟台|香港|澳门|台湾|广东|广西|江苏|浙江|山东|山西|河南|河北|湖南|湖北|江西|安徽|福建|四川|云南|贵州|陕西|甘肃|青海|海南|辽宁|吉林|黑龙江|内蒙古|新疆|西藏|宁夏|日本|韩国|美国|英国|国外|国内|海外|华东|华南|华北|华中|西南|西北|东北)(?:市|省|区|县|地区|那边|这边)?$|(?:(?<!超|门)市|省|区|县|镇|乡|村|街道|路)$/u;
/** A place inside an organisation, or the organisation named by its kind only. */
const NOT_ORG_EXACT =
  /^(?:公司|单位|工厂|厂里|厂家|店里|门店|店铺|学校|医院|银行|物业|政府|街道|总部|分公司|集团|机构|诊所|药店|超市|酒店|4S店|车行|工地|办公室|门市|幼儿园|工作室|事务所)$|(?:部|处|科|室|组|队|办|上|里|中|内|外)$/u;
/** "做物流的王总", "卖保险的李姐": what the person does, not where. */
const TRADE_VERB = /^(?:做|搞|开|卖|干|跑|管|负责|在|搬|修|装)/u;
/** Notes reps put in brackets after a name: （老客户）, （A类）, （介绍人）, （微信）. */
const BRACKET_NOTE = /^(?:新|老|已|未|再)|类|级|意向|先生|女士|男|女|岁|备注|重要|待定|跟进|回访|接通|没接|未接|空号|号码|手机|座机|秘书|助理|本人|家属|VIP/iu;

const WORKS_AT = /在([\p{Script=Han}A-Za-z&]{2,12}?)(?:上班|工作|任职|就职)/gu;
const ZH_COMPANY = new RegExp(`([\\p{Script=Han}A-Za-z]{1,10}?)((?:${ZH_SUFFIX})+)`, 'gu');
const ZH_ENDS_IN_INDUSTRY = new RegExp(`(?:${ZH_SUFFIX}|${ZH_WEAK_SUFFIX})$`, 'u');

const EN_COMPANY = new RegExp(`\\b((?:[A-Z][A-Za-z&'-]*\\s+){0,3}[A-Z][A-Za-z&'-]*)\\s+(${EN_ORG_SUFFIX})\\b\\.?`, 'g');
/** Capitalised words that open a sentence or a clause rather than a name. */
const EN_LEAD_WORDS =
  /^(?:At|From|For|With|Of|Called|Spoke|Met|Visited|The|Left|No|Emailed|Texted|Closed|Number|Demo|Demoed|Zoom|Meeting|Booked|Sent|Chased|Rang|Phoned|Tried|Quoted|Pitched|Signed|Lost|Won|Customer|Client|Lead|New|Call|Visit|Follow|Today|Yesterday|Tomorrow)\s+/;
/** "the Home Insurance plan": a product named after an industry word. */
const EN_PRODUCT_AFTER =
  /^\s+(?:plan|package|policy|card|membership|bundle|subscription|upgrade|tier|quote|course|class|program|programme|products?|option|cover|account|service|app|software|system|kit|deal|holiday)\b/i;
/** "they already use Acme Logistics": a supplier, not the customer. */
const EN_RIVAL_BEFORE =
  /\b(?:use|uses|using|used|switched to|switching to|signed with|contract with|went with|going with|stick with|sticking with|happy with|locked in with|already with|buys? from|bought from)\s+(?:the\s+)?$/i;
/** After "<Person> at/from/of": capitalised words up to punctuation or a lowercase word. */
const EN_AT_ORG = /^\s*,?\s*(?:at|from|of)\s+(?:the\s+)?((?:[A-Z][\w&'.-]*|&)(?:\s+(?:[A-Z][\w&'.-]*|&)){0,4})/;
/** "works at Pinecrest", "she works for Bayline Freight". */
const EN_WORKS_AT = /\bworks? (?:at|for)\s+(?:the\s+)?((?:[A-Z][\w&'.-]*|&)(?:\s+(?:[A-Z][\w&'.-]*|&)){0,4})/g;
/** Capitalised words that are a time, a place or a part of an office, not a company. */
const EN_NOT_ORG = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun January February March April May June July August ' +
    'September October November December Today Tomorrow Tonight Christmas Easter Noon Home Work HQ Head Office Reception Lunch Accounts Finance Sales ' +
    'London Manchester Birmingham Leeds Glasgow Edinburgh Bristol Liverpool Cardiff Belfast Dublin Paris Berlin Tokyo Osaka York New Boston Chicago Toronto ' +
    'Sydney Melbourne Shanghai Beijing Shenzhen Guangzhou Hong Kong Singapore Dubai Mumbai Delhi Los Angeles San Francisco Seattle Vancouver The A VIP Mobile Cell WeChat WhatsApp Email'
  ).split(' '),
);

interface Candidate {
  name: string;
  start: number;
}

export function findCompany(text: string, names: NameMatch[] = findNames(text)): string | null {
  const found: Candidate[] = [...bySuffix(text, names), ...byPlace(text, names), ...englishBySuffix(text), ...englishByPerson(text, names)];
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b.start < a.start ? b : a)).name;
}

/** 华通物流, 深圳恒信达贸易有限公司: a head, then organisation words. */
function bySuffix(text: string, names: NameMatch[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(ZH_COMPANY)) {
    const head = trimHead(m[1]!);
    const start = m.index + m[1]!.length - head.length;
    const end = m.index + m[0].length;
    if (head.length < 2 || NOT_A_NAME.test(head) || NOT_IN_HEAD.test(head) || NOT_ORG_WORDS.test(head) || PLACE.test(head)) continue;
    if (names.some((n) => n.start < start + head.length && start < n.end)) continue; // 王总公司
    if (RIVAL_BEFORE.test(text.slice(0, start)) || RIVAL_AFTER.test(text.slice(end)) || PRODUCT_AFTER.test(text.slice(end))) continue;
    if (GENERIC_ORG.test(head + m[2]!) || /(?:有|一|某|那|这)家$|(?:这|那)种$/u.test(text.slice(Math.max(0, start - 2), start))) continue;
    out.push({ name: head + m[2]!, start });
  }
  return out;
}

/** 启明教育的王总, 宏达餐饮的采购, 启明教育王总, 周工（宏远建设）: the organisation next to its person. */
function byPlace(text: string, names: NameMatch[]): Candidate[] {
  const out: Candidate[] = [];
  const zhNames = names.filter((n) => /\p{Script=Han}/u.test(n.name));
  const personAt = (i: number) => zhNames.some((n) => n.start === i) || ROLE.test(text.slice(i));
  for (let i = text.indexOf('的'); i !== -1; i = text.indexOf('的', i + 1)) {
    if (!personAt(i + 1)) continue;
    const x = orgBefore(text, i, names);
    if (x && !TRADE_VERB.test(x.name)) out.push(x);
  }
  for (const n of zhNames) {
    const x = orgBefore(text, n.start, names);
    if (x && ZH_ENDS_IN_INDUSTRY.test(x.name)) out.push(x);
  }
  // 在美家家居上班: where the person works.
  for (const m of text.matchAll(WORKS_AT)) {
    const name = m[1]!; // anchored by 在…上班, so no boundary trimming (华为 holds 为)
    const start = m.index + 1;
    if (isZhOrg(name, start, names)) out.push({ name, start });
  }
  for (const n of names) {
    const m = /^\s*[(（]\s*([^()（）]{2,24}?)\s*[)）]/u.exec(text.slice(n.end));
    if (!m) continue;
    const inner = m[1]!;
    const start = n.end + m[0].indexOf(inner);
    if (/\p{Script=Han}/u.test(inner) ? isZhOrg(inner, start, names) && !BRACKET_NOTE.test(inner) : isEnOrg(inner)) {
      out.push({ name: inner, start });
    }
  }
  return out;
}

/** The name-like run that ends at `end`, cut at the last boundary or lead word, if it can be an organisation. */
function orgBefore(text: string, end: number, names: NameMatch[]): Candidate | null {
  const run = /[\p{Script=Han}A-Za-z0-9&]{1,14}$/u.exec(text.slice(Math.max(0, end - 14), end))?.[0];
  if (!run) return null;
  let name = trimHead(run, 10);
  const start = end - name.length;
  // 东方酒店采购部的钱经理: the company, not its department.
  name = name.replace(/(?:那边|这边|那里|这里)$/u, '').replace(/(?:采购|销售|行政|财务|人事|技术|市场|后勤|工程|客服|运营|设备|物业|总经)(?:部|处|科|室|办|中心)$/u, '');
  return isZhOrg(name, start, names) ? { name, start } : null;
}

function isZhOrg(name: string, start: number, names: NameMatch[]): boolean {
  if (name.length < 2 || name.length > 12 || /\s/.test(name) || /^[A-Za-z]{1,2}$/.test(name)) return false;
  if (NOT_A_NAME.test(name) || NOT_ORG_WORDS.test(name) || TIME_WORD.test(name) || PLACE.test(name) || NOT_ORG_EXACT.test(name)) return false;
  if (ROLE.test(name) || /[说想要是在没不聊问打给接]|有(?!限)/u.test(name)) return false;
  // 王阿姨的女儿, 李总公司: a person's, not a company's.
  return !names.some((n) => n.start < start + name.length && start < n.end);
}

/** Capitalised words that are not only a day, a month, a city or a part of an office. */
function isEnOrg(s: string): boolean {
  const words = s.trim().split(/\s+/);
  if ((words.length === 1 && words[0]!.length <= 2) || words.length > 5 || !words.every((w) => /^(?:[A-Z][\w&'.-]*|&|of|and|the)$/.test(w))) return false;
  return !words.every((w) => EN_NOT_ORG.has(w) || !/^[A-Z]/.test(w)) && !/^(?:Mr|Mrs|Ms|Miss|Dr)\b/.test(s);
}

/** Bayline Freight, Acme Ltd, Zenith Tech Ltd. */
function englishBySuffix(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(EN_COMPANY)) {
    let name = `${m[1]} ${m[2]}`;
    while (EN_LEAD_WORDS.test(name)) name = name.replace(EN_LEAD_WORDS, '');
    const start = m.index + m[0].length - name.length - (m[0].endsWith('.') ? 1 : 0);
    if (/^(?:Mr|Mrs|Ms|Dr)\b/.test(name) || !/\s/.test(name) || EN_NOT_ORG.has(name.split(' ')[0]!)) continue;
    const after = text.slice(m.index + m[0].length);
    if (EN_PRODUCT_AFTER.test(after) || EN_RIVAL_BEFORE.test(text.slice(0, start))) continue;
    out.push({ name, start });
  }
  return out;
}

/** "Rachel from Greenleaf Solar", "Mr Hughes-Taylor at Fenwick Energy": whatever the name. */
function englishByPerson(text: string, names: NameMatch[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(EN_WORKS_AT)) {
    const name = m[1]!.replace(/'s$/, '').replace(/\.$/, '');
    if (isEnOrg(name)) out.push({ name, start: m.index + m[0].length - m[1]!.length });
  }
  for (const n of names) {
    if (!/[A-Za-z]/.test(n.name)) continue;
    const m = EN_AT_ORG.exec(text.slice(n.end));
    if (!m) continue;
    const name = m[1]!.replace(/'s$/, '').replace(/\.$/, '');
    if (isEnOrg(name)) out.push({ name, start: n.end + m[0].length - m[1]!.length });
  }
  return out;
}

/** Keeps what follows the last boundary character: 刚给华通 → 华通, 和恒远 → 恒远. */
function trimHead(s: string, max = 6): string {
  let cut = 0;
  for (let i = 0; i < s.length; i++) if (BOUNDARY.test(s[i]!)) cut = i + 1;
  let head = s.slice(cut);
  const words = [...head.matchAll(LEAD_WORDS)];
  const last = words[words.length - 1];
  if (last) head = head.slice(last.index + last[0].length);
  return head.length > max ? head.slice(-max) : head;
}
