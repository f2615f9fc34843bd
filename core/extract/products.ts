/**
 * Products mentioned: the team's own product names first (from the knowledge base, matched
 * case-insensitively, longest first), then generic shapes that work for products we have never
 * seen: X卡 / X套餐 / X会员 / 年卡, "the Gold plan", "annual membership"; then product-like head
 * nouns with a required modifier (少儿编程年课, 冷链专线, 重疾险, CRM标准版); last, the object of
 * a buying or interest phrase (签了X, 对X很感兴趣, 问了下X的价格, "keen on Fleet Tracker Pro").
 * The score is set equality, so every shape filters hard: a spurious product costs as much as a
 * missed one.
 */
import { findNames, type NameMatch } from './names.ts';
import { EN_ORG_SUFFIX } from './org-words.ts';

/** Before a generic product word, where the product name starts (一张四星卡 → 四星卡). */
const ZH_GENERIC = /([\p{Script=Han}A-Za-z0-9]{1,8}?)(卡|套餐|疗程|礼包|服务包)/gu;
const ZH_MEMBER = /(黄金|白金|铂金|钻石|银卡|金卡|VIP|vip|年度|季度|月度|超级|高级|尊享|家庭|企业|个人|终身)会员/gu;
const BOUNDARY = /[的了和跟与给在是到去从找打对向为把被说问约同及或办买推定订签送个张份套次款种这那该此,.;:!?()\s\d]/u;
/** Cards that are not products: the A-card, bank cards, business cards… */
const NOT_PRODUCT = /^(?:[ABCabc]|银行|信用|储蓄|借记|身份|社保|医保|名|打|刷|SIM|sim|手机|电话|会员|充值|礼品|购物|门禁|工|磁|贺|这|那|一|两|几|开|办|张|实体|电子)$/u;
const EN_GENERIC =
  /\b((?:[A-Z][\w-]*|annual|monthly|quarterly|yearly|premium|basic|standard|gold|silver|platinum|diamond|family|vip|starter|pro|enterprise|business|lifetime)(?:\s+(?:[A-Z][\w-]*|annual|monthly|yearly|premium|basic|family))?)\s+(card|plan|package|membership|subscription|bundle|pass|tier)\b/g;
/** Determiners are dropped from the front of an English name. */
const EN_DETERMINER = /^(?:The|This|That|A|An|His|Her|Their|Our|Your)$/;
/** Alone before the noun these are not products (a credit card, the phone plan). */
const EN_NOT_PRODUCT = /^(?:Credit|Debit|Business|Bank|Sim|SIM|Loyalty|Gift|Payment|Instalment|Installment|Phone|Call|Trial|Free)$/;

/**
 * Head nouns that name a product when a modifier comes before them (企业版, 冷链专线), with the
 * characters right before the head that make an ordinary word instead (上课, 加班, 保险, 出版).
 */
const ZH_HEADS: Array<[string, RegExp | null, RegExp?]> = [
  ['训练营', null],
  ['夏令营', null],
  ['冬令营', null],
  ['课程', /[上下听选报排]$/u],
  ['年课', null],
  ['课', /[上下听逃翘备讲授补网选约排试旷代堂节门开结停调抢]$/u],
  ['班', /[上下加值排夜早晚航跟轮倒领接交坐搭赶全本同分插]$/u],
  ['险', /[保风危冒凶惊探抢天脱遇艰阴]$/u],
  ['版', /[出再改排制盗新旧原初翻]$/u],
  ['专线', /客服$/u],
  ['宽带', null],
  ['系统', /操作$/u],
  ['平台', null],
  ['软件', null],
  ['套装', null],
  ['食品', null],
  // 课时包, 提分包, 流量包 — not 红包, 钱包, 书包, 打包, nor 包括, 包邮, 包装.
  ['包', /[红钱书面背皮腰荷打承外手挎纸肩发豆菜汤肉奶水布药零]$/u, /^[括含邮裹装容涵庇揽赔管办住吃]/u],
];
const ZH_HEAD = new RegExp(ZH_HEADS.map(([h]) => h).join('|'), 'gu');
/** After the head, these make another word or a place (班主任, 课本, 版权, 平台上, 软件公司). */
const HEAD_NOT_AFTER = /^(?:[上里中内本权面级长时堂件表题间外子车底次号]|主任|大纲|顾问|安排|公司|集团|厂|店)/u;
/** A modifier that says which one, not what kind (现在的系统, 整个平台, 他们软件). */
const NOT_MODIFIER = /[我你他她它这那哪啥]|什么|^(?:下|上|这|本)?(?:周|星期|礼拜)[一二三四五六日天]|^(?:今|明|后|昨|前)天|^下个?月|^(?:现在|目前|原来|以前|之前|原先|当前|整个|整套|公司|自己|家里|孩子|小孩|学校|单位|今天|明天|昨天|后天|上周|下周|每周|本周|免费|付费|收费|同样|一样|其他|其它|别的|别家|所有|全部|各种|不同|相关|常规|普通|试听|体验)$/u;
/** Words with a boundary character inside that product names often contain (在线, 定制, 种植). */
const KEEP_WHOLE = /^(?:\d+[A-Za-z]+|办公|办理|在线|个人|定制|订制|种植|同城|问诊|跟踪|打印|到家|到店|送货|一对一)/u;
/** Verbs before a name: the name starts after the last one (聊聊全包装修套餐, 采购在线备课平台). */
const LEAD_VERB = /采购|购买|订购|办理|报名|报读|报了|开通|升级|续费|续订|推荐|介绍|演示|试驾|试用|安装|考虑|了解|咨询|聊聊|问问|看看|试试|觉得|需要|想要|打算|准备|关于|使用|用了|换了|选了|做了|报(?![价告关税纸表销案警])/gu;
/** Fillers in front of a name: 再详细, 我们的. */
const LEAD_FILLER = /^(?:再|先|也|还|都|又|详细|具体|仔细|我们的?|咱们的?|你们的?|公司的|一下|报)+/u;

/** Cut an open-ended object at words that cannot be inside a product name. */
const OBJECT_CUT = /[的了很挺吗呢吧啊呀哦嘛还也但并给和跟与说先不没再共]|非常|比较|特别|有点|感兴趣|兴趣|意向|之后|以后|然后|一年|每年|每月|一共|总共|合同|价格|报价|费用|学费|多少|觉得|准备|打算|今天|昨天|明天|后天|当场|这周|下周|周[一二三四五六日天末]|分期|分\d|一次性|全款|首付|定金|订金|[,.;:!?()\s]/u;
/** A count or measure word before the object: 一张, 两套, 3个. */
const MEASURE = /^(?:[一两二三四五六七八九十几\d]+(?:张|个|份|套|台|辆|款|单|节|门|种|项|部|件|期|批|盒|瓶|箱|支|袋|罐)|个(?!人)|张|份|套(?![餐装])|台|款|辆|门|项|批)/u;
/** Fillers before the object: 介绍了一下我们的企业版, 问了下. */
const OBJECT_LEAD = /^(?:了解一下|了解|了|一下|下|我们的|咱们的|你们的|公司的|我们|咱们|这边的)/u;
/** Objects that are not products: documents, money, people, appointments, the word 产品 itself. */
const NOT_OBJECT = /^(?:产品|东西|服务|项目|业务|方案|合同|协议|单|单子|订单|名|字|手续|资料|报价单?|价格|课|课程|保险|会员|卡|套餐|定金|订金|首付|尾款|全款|款|钱|费用|一下|一点|一些|这个|那个|这款|那款|这种|那种|我们|你们|他们|公司|时间|见面|面谈|拜访|电话|微信|联系方式|体验|试听|试用|活动|优惠|折扣|分期|朋友|同事|邻居|亲戚|家人|客户|老客户|新客户|购买|合作|初步|整体|总体|登记|记录|笔记|调查|评估|检查|预约|准备|决定|考虑|打算|回访|跟进|沟通|交流|介绍|演示|讲解|说明|单了|人)$/u;
/** Words that make the object a moment, a person or a feeling, not a thing bought. */
const NOT_OBJECT_PART = /[我你他她它这那哪啥]|什么|别家|别人|其他|其它|^(?:今|明|后|昨|前|大后)天|^下?(?:周|星期|礼拜|个?月)|^[一两二三四五六七八九十几\d]+(?:个|点|号|天|周|月|年|次|分钟|小时|岁)(?:[半多后前左右内]|$)|朋友|同事|邻居|亲戚|姐妹|老乡|同学|家人|客户|看|聊|觉|感觉|目前|现在/u;

/**
 * Phrases whose object is a product (the named group x). An open slot (签了X, 做了X) also takes
 * documents, chores and tickets (签了字, 做了调研, 订了机票), so its object must look like a
 * product: a product word at the end, a model number, or a price right after it. The closed
 * ones (对X感兴趣, 问X的价格) only drop features and people.
 */
const ZH_SLOTS: Array<{ re: RegExp; open: boolean }> = [
  // 对少儿编程年课很感兴趣, 对企业版有兴趣
  { re: /对(?<x>[^,.;:!?()\s对]{2,16}?)(?:很|挺|非常|比较|特别|相当|蛮|还挺|还算|也|有点|有些|颇)?(?:感兴趣|有兴趣|有意向|心动|有想法)/gu, open: false },
  // 种植牙意向很强 (a topic at the start of a clause; as loose as an open slot: 第一次通话意向很强)
  { re: /(?:^|[,.;:!?()\s])(?<x>[^,.;:!?()\s]{3,16}?)的?(?:意向(?:很|挺|非常|比较)?(?:强|高|大|明确|不错)|(?:很|挺|非常|比较|特别)(?:感兴趣|有兴趣))/gu, open: true },
  // 问了下种植牙的价格
  { re: /(?:问了?|咨询了?)(?:下|一下)?(?<x>[^,.;:!?()\s]{2,16}?)的?(?:价格|报价|价钱|费用|多少钱|收费|怎么收费|怎么卖)/gu, open: false },
  // 签了冷链专线, 定了一张四星卡, 试驾星驰X5, 演示了CRM标准版
  { re: /(?:签了|签下了?|办了|办理了|报了|报名了|报读了|买了|购买了|订了|订购了|预订了|(?<![约决确商规预指敲选])定了|做了|装了|安装了|续了|续费了|续订了|开通了|升级了?(?:到|成)|试驾了?|演示了?|介绍了|推荐了|试用了?|下单了?|选了)(?<x>[^,.;:!?()\s]{2,20})/gu, open: true },
  // 想给孩子报雅思冲刺班, 想买X
  { re: /想(?:给[^,.;:!?()\s]{1,6}?)?(?:报名|报|办|买|做|装|订|采购|购买|了解|试试|体验)(?<x>[^,.;:!?()\s]{2,20})/gu, open: true },
  // 做不做种植牙, 买不买X
  { re: /(?<v>[做买办报装签订])不\k<v>(?<x>[^,.;:!?()\s]{2,20})/gu, open: true },
];
/** How product names end (冲刺班, 重疾险, 净水器, 种植牙) when nothing else says it is one. */
const PRODUCT_END = /(?:卡|套餐|疗程|(?<![红钱书面背皮腰荷打承外手挎纸肩发豆菜汤肉奶水布药零])包|会员|课|课程|班|险|版|专线|宽带|系统|平台|软件|套装|营|食品|器|机|仪|牙|矫正|光伏|计划|延保|全保|年保|维保|保养)$/u;
/** A model name or number: 星驰X5, 屋顶光伏30kW, CRM (but not the everyday APP, VIP, PPT). */
const MODEL = /[A-Za-z]{2,}|[A-Za-z]\d|\d[A-Za-z]/;
const NOT_MODEL = /^(?:APP|App|app|VIP|vip|PPT|ppt|PDF|pdf|CEO|CFO|ID|OK|QQ|WIFI|WiFi|wifi)$/;
/** A price right after the object: 做了隐形矫正 1.2万. */
const PRICE_AFTER = /^[,，\s]*(?:[¥$]\s*)?(?:\d[\d,.]*\s*(?:万|千|[wWkK]|元|块)|\d{3,}|[一二两三四五六七八九十]+[百千万])/u;
/** Features, terms and people that follow 对…感兴趣 as often as products do. */
const NOT_PRODUCT_END = /(?:续费|续约|升级|活动|政策|方式|流程|情况|问题|细节|内容|效果|价格|费用|优惠|售后|上门|分期|付款|安装|运费|服务|品牌|公司|理念|模式|合作|加盟|代理|体验|试听|折扣|老板娘?|对方|家长|老人|孩子|儿子|女儿|老公|老婆|爱人|先生|太太|领导|本人|全家|[总姐哥叔姨爷奶师])$/u;

/** English phrases whose object is a product; the object itself must look like a name. */
const EN_SLOT =
  /\b(?:interested in|keen on|about|demo(?:ed|'d)|demonstrated|presented|pitched|signed up for|signed up to|bought|purchased|ordered|took|went for|opted for|chose|upgraded to|renewed|trialled|trialed|trialling|tried|enquired about|inquired about|asked about|quote for|pricing for|price of)\s+(?:the\s+|our\s+|a\s+|an\s+|their\s+|your\s+)?(?<x>[A-Z][\w-]*(?:\s+(?:[\w-]*\d[\w-]*(?:\.\d[\w-]*)?|[A-Z][\w-]*|plan|card|package|membership|subscription|bundle|pass|tier|suite|edition|version|system|platform|service|course|program|programme)\b)*)/gi;
/** Inside the English object: capitalised words and model numbers, then at most one product noun. */
const EN_WORD = /^(?:[A-Z][\w-]*|[\w-]*\d[\w-]*(?:\.\d[\w-]*)?)$/;
const EN_NOUN = /^(?:plan|card|package|membership|subscription|bundle|pass|tier|suite|edition|version|system|platform|service|course|program|programme)$/;
const EN_NOT_OBJECT = /^(?:I|It|He|She|They|We|You|Him|Her|Them|Us|Me|The|This|That|Mr|Mrs|Ms|Miss|Dr|Prof|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|Today|Tomorrow|Yesterday|Next|Last|Ltd|Inc)$/;
/** Words that make the phrase an event, a document or a place, not a product. */
const EN_NOT_PART = /^(?:Policy|Policies|Terms|Conditions|Office|Team|Department|Call|Meeting|Webinar|Event|Session|Invoice|Contract|Proposal|Quote|Street|Road|Avenue|Centre|Center|University|School|Hospital|Airport|Station)$/;
const EN_COMPANY_END = new RegExp(`\\s(?:${EN_ORG_SUFFIX})$`);

/** A product the customer already has from someone else is not ours to log (已经在用别家的系统). */
const RIVAL_CLAUSE = /别家|别人家|其他家|其它家|竞品|同行|在用|用的是|用着|在上(?!门)|在读|在学|\banother\b|\bcompetitor\b|\bcurrent (?:provider|supplier)\b/i;

/** Full-width punctuation as ASCII, one for one, for callers that pass text not yet normalised. */
const FULL_WIDTH: Record<string, string> = { '，': ',', '。': '.', '；': ';', '：': ':', '！': '!', '？': '?', '（': '(', '）': ')', '、': ',' };

/** `people`: the names already found in the same (normalised) text, to save finding them again. */
export function findProducts(raw: string, known: string[] = [], people?: NameMatch[]): string[] {
  // 加 between two complete names joins them (店铺套餐加居家套餐), not inside one (加油卡, 加强版).
  const text = raw.replace(/[，。；：！？（）、]/g, (c) => FULL_WIDTH[c]!).replace(/(?<=套餐|卡|包|版|险)加(?=\p{Script=Han}{2})/gu, '+');
  const out: string[] = [];
  const spans: Array<[number, number]> = [];
  const lower = text.toLowerCase();
  const knownNames = [...new Set(known.map((k) => k.trim()).filter((k) => k.length > 0))].sort((a, b) => b.length - a.length);
  for (const name of knownNames) {
    const needle = name.toLowerCase();
    let from = 0;
    let at: number;
    while ((at = lower.indexOf(needle, from)) !== -1) {
      from = at + needle.length;
      if (spans.some(([s, e]) => at < e && s < at + needle.length)) continue;
      // An ASCII name must stand as a word: "Pro" is not in "product".
      if (/^[\w]/.test(needle) && /\w/.test(lower[at - 1] ?? '')) continue;
      if (/[\w]$/.test(needle) && /\w/.test(lower[at + needle.length] ?? '')) continue;
      // A model code written after a known name is part of it (屋顶光伏 + 30kW, + X5, + PRO), but
      // not a price (1.2w), a count (x2) or a word (ok, OK, vs, CEO).
      const model = /^(?:(?!x\d)(?=[\w.+-]*[A-Za-z])[A-Za-z]*\d[\w.+-]*|(?:PRO|MAX|PLUS|MINI|LITE|ULTRA|SE)(?![A-Za-z]))(?![a-z])/.exec(text.slice(at + needle.length));
      const full = model && /\p{Script=Han}$/u.test(name) && !/^\d[\d.]*[wWkK]$/.test(model[0]) ? name + model[0] : name;
      spans.push([at, at + full.length]);
      if (!out.includes(full)) out.push(full);
    }
  }
  const overlaps = (start: number, end: number) => spans.some(([s, e]) => start < e && s < end);
  const addGeneric = (name: string, start: number, end: number) => {
    if (overlaps(start, end)) return;
    spans.push([start, end]);
    if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
  };
  for (const m of text.matchAll(ZH_GENERIC)) {
    const head = stripLead(trimHead(m[1]!), 1);
    if (!head || NOT_PRODUCT.test(head) || /^\d+$/.test(head) || /[ABCabc]$/.test(head)) continue;
    const start = m.index + m[1]!.length - head.length;
    addGeneric(head + m[2]!, start, m.index + m[0].length);
  }
  for (const m of text.matchAll(ZH_MEMBER)) addGeneric(m[0], m.index, m.index + m[0].length);
  for (const m of text.matchAll(EN_GENERIC)) {
    const words = m[1]!.split(/\s+/);
    while (words.length && EN_DETERMINER.test(words[0]!)) words.shift();
    if (words.length === 0 || (words.length === 1 && EN_NOT_PRODUCT.test(words[0]!))) continue;
    const name = `${words.join(' ')} ${m[2]}`;
    const start = m.index + m[0].indexOf(words[0]!);
    addGeneric(name, start, m.index + m[0].length);
  }

  // The newer shapes skip people's names and rivals' products.
  const persons = people ?? findNames(text);
  const usable = (start: number, end: number) =>
    !persons.some((p) => start < p.end && p.start < end) && !RIVAL_CLAUSE.test(clauseTo(text, start, end));

  for (const m of text.matchAll(ZH_HEAD)) {
    const head = m[0];
    const end = m.index + head.length;
    // The modifier is the run of name characters right before the head, after any boundary.
    const run = /[\p{Script=Han}A-Za-z0-9]{0,10}$/u.exec(text.slice(Math.max(0, m.index - 10), m.index))![0];
    const modifier = stripLead(trimHead(run).replace(MEASURE, ''), 2);
    if (modifier.length < 2 || modifier.length > 7 || NOT_MODIFIER.test(modifier) || /^[\d.]+$/.test(modifier)) continue;
    const [, bad, badAfter] = ZH_HEADS.find(([h]) => h === head)!;
    const after = text.slice(end, end + 2);
    if (bad?.test(modifier) || HEAD_NOT_AFTER.test(after) || badAfter?.test(after)) continue;
    const start = m.index - modifier.length;
    if (usable(start, end)) addGeneric(modifier + head, start, end);
  }

  for (const { re, open } of ZH_SLOTS) {
    for (const m of text.matchAll(re)) {
      const xStart = m.index + m[0].lastIndexOf(m.groups!.x!);
      const obj = cleanObject(m.groups!.x!);
      if (!obj || NOT_PRODUCT_END.test(obj.name)) continue;
      const start = xStart + obj.offset;
      if (obj.glued && PRICE_AFTER.test(text.slice(start + obj.name.length + obj.glued.length))) obj.name += obj.glued;
      const end = start + obj.name.length;
      const model = MODEL.test(obj.name) && !NOT_MODEL.test(obj.name);
      if (open && !PRODUCT_END.test(obj.name) && !model && !PRICE_AFTER.test(text.slice(end))) continue;
      if (usable(start, end)) addGeneric(obj.name, start, end);
    }
  }

  for (const m of text.matchAll(EN_SLOT)) {
    // The cue is case-insensitive ("Demoed"); the name keeps its capitals (Fleet Tracker Pro).
    const words: string[] = [];
    for (const w of m.groups!.x!.split(/\s+/)) {
      if (EN_WORD.test(w)) words.push(w);
      else {
        if (EN_NOUN.test(w) && words.length > 0) words.push(w);
        break;
      }
    }
    if (words.length === 0 || !/^[A-Z]/.test(words[0]!)) continue;
    const x = words.join(' ');
    if (EN_NOT_OBJECT.test(words[0]!) || EN_COMPANY_END.test(x) || /^'s\b/.test(text.slice(m.index + m[0].length))) continue;
    // A lone capitalised word is too often a place, a tool or a meal (Zoom, London, Lunch):
    // take it only with a product noun, an inner capital (SunRoof) or a model number (6kW).
    const distinctive = words.length > 1 || /^[A-Z]\w*[A-Z0-9]/.test(words[0]!);
    if (!distinctive || words.some((w) => EN_NOT_PART.test(w))) continue;
    const start = m.index + m[0].lastIndexOf(m.groups!.x!);
    if (usable(start, start + x.length)) addGeneric(x, start, start + x.length);
  }
  return out;
}

function trimHead(s: string): string {
  let cut = 0;
  for (let i = 0; i < s.length; i++) {
    const whole = KEEP_WHOLE.exec(s.slice(i));
    if (whole) i += whole[0].length - 1;
    else if (BOUNDARY.test(s[i]!)) cut = i + 1;
  }
  return s.slice(cut);
}

/** Drops leading verbs and fillers (聊聊全包装修 → 全包装修) while at least `keep` characters remain. */
function stripLead(s: string, keep: number): string {
  let rest = s;
  const verbs = [...s.matchAll(LEAD_VERB)];
  const last = verbs[verbs.length - 1];
  if (last && s.length - (last.index + last[0].length) >= keep) rest = s.slice(last.index + last[0].length);
  const filler = LEAD_FILLER.exec(rest);
  if (filler && rest.length - filler[0].length >= keep) rest = rest.slice(filler[0].length);
  return rest;
}

/** The clause up to the end of a mention (since the last punctuation), the mention included. */
function clauseTo(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 16), end).split(/[,.;:!?。]/).pop() ?? '';
}

/**
 * The product name inside an open-ended object: drop counts and fillers in front, cut at the
 * first word no product name contains, drop a price glued on the end (四星卡3680).
 */
function cleanObject(raw: string): { name: string; offset: number; glued: string } | null {
  let s = raw;
  let offset = 0;
  const dropFront = (n: number) => {
    s = s.slice(n);
    offset += n;
  };
  for (;;) {
    const lead = OBJECT_LEAD.exec(s) ?? MEASURE.exec(s);
    if (!lead) break;
    dropFront(lead[0].length);
  }
  const cut = OBJECT_CUT.exec(s.slice(1));
  if (cut) s = s.slice(0, cut.index + 1);
  // A price glued on after Chinese text: 四星卡3680, 冷链专线2万5 (not a model: 30kW, X5). When a
  // price follows anyway (财税顾问365，8800元), the number is part of the name: the caller restores it.
  const glued = /(?<=\p{Script=Han})\d[\d.,]*(?:万|千|[wWkK](?![a-zA-Z]))?\d?(?:元|块)?$/u.exec(s);
  if (glued) s = s.slice(0, glued.index);
  s = s.replace(/[了的吧呢啊呀哦嘛]+$/u, '');
  if (s.length < 2 || s.length > 14) return null;
  if (!/\p{Script=Han}{2}|[A-Za-z]/u.test(s) || /^[\d.]+$/.test(s)) return null;
  if (NOT_OBJECT.test(s) || NOT_OBJECT_PART.test(s)) return null;
  return { name: s, offset, glued: glued && /^\d+$/.test(glued[0]) ? glued[0] : '' };
}
