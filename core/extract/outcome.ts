/**
 * What happened: the kind of activity, how the call went, the intent grade, the lifecycle
 * stage, do-not-call and referral. Cue words in both languages; negations handled where a
 * cue is commonly negated (没接通, not signed, 帮我介绍 is not a referral).
 */
import type { ActivityKind, CallResult, Grade, Stage } from '../domain.ts';
import { findNames, type NameMatch } from './names.ts';

// ---- kind ------------------------------------------------------------------------------

/** Said about the call itself: a phone call happened or was attempted. */
const CALL_CUE = /电话|打给|打了|打过去|拨|没接|未接|不接|接通|接了|占线|忙音|空号|停机|通话|来电|回电|响了|挂了|\bcall(?:ed|ing)?\b|\brang\b|\bphoned?\b|\bvoicemail\b|\bno answer\b|\bdialled|\bdialed/i;
/** A meeting that took place (在开会 is the customer's excuse, not our meeting). */
const MEETING_CUE = /开了[^,.;!?。]{0,4}会|线上会|视频会|腾讯会议|钉钉会议|飞书会议|\bzoom\b|\bmeeting with\b|\bhad a meeting\b|\bvideo call\b|\bteams call\b|\bon a call with\b.*\bteam\b/i;
/** A visit that took place; 约了…拜访 is a plan, not a visit. */
const VISIT_CUE = /上门|拜访|面谈|见了面|当面聊|来店|到店|来门店|来公司|\bvisited\b|\bmet (?:with )?[A-Z]|\bin[- ]person meeting\b|\bdropped by\b|\bstopped by\b/i;
const PLANNED = /约|要|想|打算|准备|下次|计划|预约|明天|后天|下周|下个?月|周[一二三四五六日天末]|星期|礼拜|\d+号|点|\bwill\b|\bplan|\bgoing to\b|\bschedul|\btomorrow\b|\bnext\b/i;
const MESSAGE_CUE = /微信|短信|发消息|发了?信息|留言|私信|邮件|\bwhatsapp\b|\bwechat\b|\btexted\b|\bemailed\b|\bmessaged\b|\bsent (?:him|her|them) (?:a |an )?(?:message|email|text)\b|\bsms\b/i;

/** Someone else's visit, or one the customer only agrees to: 师傅上门调试, 愿意让师傅上门看看, 上门推销的. */
const OTHERS_VISIT_BEFORE = /(?:师傅|技术员|工程师|安装工|工人|快递员?)$|(?:愿意|同意|可以|允许)(?:让)?(?:师傅|技术员|工程师|我们的?人?)?$|让(?:师傅|技术员|工程师)$/;
/** …but 带着师傅上门, 和同事一起上门 is our own visit. */
const WITH_US = /(?:和|跟|带着?|陪着?)[^,.;!?。]{0,4}$/;
const OTHERS_VISIT_AFTER = /^(?:推销|安装|调试|维修|送货)/;
const VISIT_CUES = new RegExp(VISIT_CUE.source, 'gi');

export function findKind(text: string): ActivityKind {
  if (MEETING_CUE.test(text)) return 'meeting';
  for (const visit of text.matchAll(VISIT_CUES)) {
    // The clause up to the cue: "约了林总下周一到公司面谈" is a plan, not a visit.
    const clause = text.slice(Math.max(0, visit.index - 30), visit.index).split(/[,.;!?。]/).pop() ?? '';
    const after = text.slice(visit.index + visit[0].length, visit.index + visit[0].length + 4);
    const others = OTHERS_VISIT_BEFORE.test(clause) && !WITH_US.test(clause.replace(/(?:师傅|技术员|工程师|安装工|工人)$/, ''));
    if (!PLANNED.test(clause) && !others && !OTHERS_VISIT_AFTER.test(after)) return 'visit';
  }
  if (MESSAGE_CUE.test(text) && !CALL_CUE.test(text)) return 'message';
  return 'call';
}

// ---- result ----------------------------------------------------------------------------

const INVALID = /空号|停机|号码(?:错误|有误|不对|错了)|错号|不存在|销号|\bwrong number\b|\bnot in service\b|\bdisconnected\b|\binvalid number\b|\bnumber (?:is )?(?:invalid|dead)\b|\bnot recogni[sz]ed\b|\bdoes(?:n'?t| not) exist\b|\bunobtainable\b|\bout of service\b/i;
const BUSY = /占线|忙音|正在通话中|通话中|\bline (?:was |is )?busy\b|\bbusy (?:line|signal|tone)\b|\bengaged\b/i;
const NO_ANSWER = /没(?:有)?人?接|未接|不接|无人接听|没人听|无法接通|打不通|没打通|未打通|关机|不在服务区|拒接|\bno answer\b|\bnot answering\b|\bdid(?:n'?t| not) (?:pick up|answer)\b|\bvoicemail\b|\bunanswered\b|\bno reply\b|\bnot picking up\b|\bcould(?:n'?t| not) (?:reach|get through)\b|\bunreachable\b|\bwent straight to\b|\b(?:nobody|no one|no-one) (?:picked up|answered)\b|\bno pick-?up\b/i;
/** The customer was on the line: beats a failed earlier attempt in the same log. */
const STRONG_CONNECTED = /(?<![没未不法])接通|聊了|谈了|通话了?\s*\d|通完电话|\bspoke\b|\btalked\b|\bchatted\b|\bhad a [\w-]*\s*(?:chat|call|talk)\b/i;
/** Anything the customer said or did implies someone picked up. */
const WEAK_CONNECTED = /接了|接的|说|聊|问|谈|讲|告诉|表示|答应|同意|拒绝|骂|挂|回复|拍板|决定|定了|签|办了|感兴趣|兴趣|意向|嫌|骗|\bsaid\b|\bsays\b|\btold\b|\basked\b|\bagreed\b|\bsigned\b|\binterested\b|\bwants?\b|\bthinks?\b|\bdecided\b|\bhung up\b/i;

/** Who can be quoted after a colon besides a named person. */
const SPEAKER = /(?:客户|对方|客人|家长|老板|\bcustomer|\bclient|\bprospect)\s*$/i;

/**
 * "向经理：培训预算要老板批…", "Mrs Doherty: please don't call": a person, a colon, then
 * their words or position. A field label (电话: 138…, 客户: 张总) is not a report.
 */
export function isColonReport(text: string, people: NameMatch[] = findNames(text)): boolean {
  let colons = 0;
  for (const colon of text.matchAll(/:/g)) {
    if (++colons > 5) break; // a log has a label or two; a wall of colons is not a report
    // Only the few characters before the colon: a name, perhaps with a bracket (王总（华通物流）：).
    const window = text.slice(Math.max(0, colon.index - 40), colon.index);
    const head = window.replace(/\s{0,3}\([^()]{0,30}\)\s{0,3}$/, '').trimEnd();
    const headEnd = colon.index - window.length + head.length;
    if (!people.some((p) => p.end === headEnd) && !SPEAKER.test(head)) continue;
    // What follows must be words, not a number or another name.
    const said = text.slice(colon.index + 1).trimStart();
    const saidAt = text.length - said.length;
    if (!/^[\p{Script=Han}A-Za-z"'“‘]/u.test(said) || people.some((p) => p.start === saidAt)) continue;
    if (said.replace(/[^\p{Script=Han}A-Za-z]/gu, '').length < 3) continue;
    return true;
  }
  return false;
}

export function findResult(text: string, kind: ActivityKind, evidence: boolean, names?: NameMatch[]): CallResult | null {
  if (kind !== 'call') return null;
  if (INVALID.test(text)) return 'invalid_number';
  if (STRONG_CONNECTED.test(text)) return 'connected';
  if (BUSY.test(text)) return 'busy';
  if (NO_ANSWER.test(text)) return 'no_answer';
  if (evidence || WEAK_CONNECTED.test(text) || isColonReport(text, names)) return 'connected';
  return null;
}

// ---- intent ----------------------------------------------------------------------------

/** An explicit grade: A类, 意向A, B级, "B grade", "Marked C". (A卡 is the A-card, not a grade.) */
const GRADE_EXPLICIT = [
  /(?<![A-Za-z])([ABC])\s*(?:类|级|档|类客户|级客户)/i,
  /意向(?:等级|程度)?\s*[:：]?\s*(?:是|为|改成|改为)?\s*([ABC])(?![A-Za-z])/i,
  /(?:评|评为|评成|定为|定成|归为|(?<![打预计结核换就总清])算)\s*([ABC])(?![A-Za-z])/i,
  /\b(?:grade|graded|class|rated|rating|marked(?: as)?|priority|intent)\s*[:：]?\s*([ABC])\b/i,
  /\b([ABC])[- ](?:grade|class|lead|rating)\b/i,
];
const GRADE_C = /没兴趣|不感兴趣|不太感兴趣|兴趣不大|没意向|意向(?:低|不大|不高|很低|较低|比较低|一般般)|没什么兴趣|\bnot interested\b|\bno interest\b|\bisn'?t interested\b|\bwasn'?t interested\b|\bcold lead\b|\blow interest\b/i;
const GRADE_A = /(?:很|非常|特别|挺|相当|超)(?:感兴趣|有兴趣|有意向|想要|想买)|意向(?:很|非常|特别|比较|较|挺|相当)?(?:强|高|大|明确|不错)|有意向|急着要|马上要|\bvery interested\b|\breally interested\b|\bkeen\b|\bhot lead\b|\bready to (?:buy|sign)\b|\bhigh interest\b/i;
const GRADE_B = /有点(?:兴趣|意向)|有一点兴趣|有些兴趣|感兴趣|有兴趣|意向一般|意向中等|一般般|可以考虑|\blukewarm\b|\bsomewhat interested\b|\bmight be interested\b|\binterested\b|\bsome interest\b|\bwarm lead\b/i;

export function findIntent(text: string): Grade | null {
  for (const re of GRADE_EXPLICIT) {
    const m = re.exec(text);
    if (m) return m[1]!.toUpperCase() as Grade;
  }
  if (GRADE_C.test(text)) return 'C';
  if (GRADE_A.test(text)) return 'A';
  if (GRADE_B.test(text)) return 'B';
  return null;
}

// ---- stage -----------------------------------------------------------------------------

const WON = new RegExp(
  [
    // zh: signed, ordered, paid, renewed (签的单 / 今天签的 / 合同已签 are the same deal)
    '成交|拿下|开单|出单|确认购买|同意购买|同意签|报名了|报了名|报了(?!个?价|价格|报价|警|案|告|个?预算)|入会了|开通了|购买了|订购了|入手了|签了|签约|签单|签的单|签的约|签的合同|单签了|合同签了|合同已签|已签(?!收)|签下|签好了|拍板了|当场拍板|搞定了|(?:这|那)单成了|单子成了',
    '(?<![约说确决没还未])定了|订了|下单|下了单|付款|付了|已付|付清|交了|(?:钱|款|定金|订金|尾款|全款|微信|支付宝)[^,.;!?。]{0,4}转过来了|(?:钱|款)(?:已经)?转(?:过来)?了|交的(?:定金|订金|首付|全款|尾款|钱)|收了|办了|买了|续费|续卡|续了|刷卡|刷了卡|全款|转账|打款|到账|收到(?:了)?(?:款|钱|全款|定金|订金|货款)',
    // en: "Closed!" opening a log, "closed him", "took the annual plan", "went for the Gold package"
    '\\bsigned\\b|\\bsigned up\\b|\\bclosed (?:the |a )?deal\\b|\\bdeal (?:closed|done|won)\\b|\\bclosed (?:it|him|her|them|the sale)\\b|(?:^|[.!?]\\s*)closed\\b(?!\\s*-?\\s*lost\\b|\\s+(?:on|for|until|till|at|by|today|tomorrow)\\b)|\\bwon (?:the |this )?(?:deal|sale|contract|account|business)\\b|\\bsealed (?:the |a )?deal\\b',
    `\\b(?:took|went for|opted for|picked|chose|went with|committed to|locked in|upgraded to)\\s+(?:the|our|a|an)\\s+(?:(?!(?:look|while|moment|minute|second|call|message|note|copy|brochure|closer|break|day|week|trial|free|walk|at|to|for|of|on|in|about)\\b)[\\w-]+\\s+){0,3}(?:plan|package|membership|subscription|bundle|card|tier|option|deal|offer|contract|policy|course|programme|program|upgrade|pass|edition|version|system|suite)\\b`,
    '\\bpurchased\\b|\\bbought\\b|\\bpaid\\b|\\bplaced an order\\b|\\brenewed\\b|\\bwent ahead\\b|\\bagreed to (?:buy|sign|purchase|go ahead)\\b',
  ].join('|'),
  'i',
);
/** A deal still to come or asked about: 下周签约, 准备交定金, 问付款方式. */
const NOT_YET_BEFORE = /(?:要|准备|打算|答应|想|能不能|可不可以|可以|能否|是否|如何|怎么|下周|明天|后天|回头|到时候|过几天|月底前?|下个?月|说好|约好|计划|预计|争取|希望|可能)[^,.;!?。]{0,4}$/;
/** Before a past-tense cue (签了) the same plan words count only with no 了 between: 希望这周能签了 is
 * a plan, 想了一下就签了 a deal. */
const NOT_YET_BEFORE_PAST = new RegExp(`${NOT_YET_BEFORE.source.replace(/\[\^,\.;!\?。\]\{0,4\}\$$/, '')}[^,.;!?。了]{0,4}$|要是[^,.;!?。了]{0,4}$|如果[^,.;!?。了]{0,4}$`);
/** Only for a cue not in the past tense (下单, not 签了): 考虑好了就下单, 再续费, 付款方式. */
const IF_BEFORE = /(?:如果|了就|再)[^,.;!?。]{0,4}$/;
const NOT_YET_AFTER = /^(?:方式|时间|流程|手续|方案|条件|的话|吗|么|\?)/;
/** Money that holds a place or a trial device is not a sale: 意向金, 诚意金, 押金. */
const NOT_A_SALE_AFTER = /^[^,.;!?。]{0,6}(?:意向金|诚意金|押金|保证金)/;
/** A purchase from someone else, or in the past, is not our deal (已经在康乐汇办了年卡). */
const NOT_OURS = /在(?!电话|线|微信|现场|店|门店|我们|这边)[^,.;!?。]{0,8}$|别家|别人家|其他家|去年|以前|之前|已经在|没|未|还没|不会|没有|\bnot\b|\bn'?t\b|\bnever\b|\bhasn'?t\b|\banother\b|\belsewhere\b/i;
const LOST = /流失|(?:客户|这单|单子|这个客户)?算丢了(?=[,.;!?。]|$)|(?:客户|单子|这单)丢了(?=[,.;!?。]|$)|没戏|没希望|放弃|不要了|不买了|不考虑了|退(?:了|款|卡)|买了别家|选了别家|跟别家签|\blost\b|\bdead lead\b|\bgave up\b|\bwent with (?:a |another )?competitor\b|\bchose (?:another|a competitor)\b/i;

export function isWon(text: string): boolean {
  for (const m of text.matchAll(new RegExp(WON.source, 'gi'))) {
    const before = text.slice(Math.max(0, m.index - 10), m.index);
    const clause = before.split(/[,.;!?。]/).pop() ?? '';
    const sure = /决定|终于|最后|当场/.test(clause);
    if (NOT_OURS.test(clause) && !sure) continue;
    const past = m[0].endsWith('了') || /^(?:签下|已签|已付)/.test(m[0]);
    // A past cue (签了) is undone only by a plan right before it (要签了, 准备签了), not by one a few
    // words back (想了一下就签了, 想清楚了签了).
    const notYet = (past ? NOT_YET_BEFORE_PAST : NOT_YET_BEFORE).test(clause);
    if (notYet && !sure) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (/^[^,.;!?。]{0,6}(?:别家|别人家|其他家)|\b(?:another|elsewhere|competitor|from them)\b/i.test(after)) continue;
    if ((!past && (IF_BEFORE.test(clause) || NOT_YET_AFTER.test(after))) || NOT_A_SALE_AFTER.test(after)) continue;
    return true;
  }
  return false;
}

export function findStage(text: string, intent: Grade | null, result: CallResult | null, kind: ActivityKind): Stage | null {
  if (isWon(text)) return 'won';
  if (LOST.test(text)) return 'lost';
  if (intent === 'A' || /建卡|建了?A卡|A卡客户|\bA-card\b/i.test(text)) return 'intent';
  if (intent === 'B') return 'intent';
  if (result === 'connected' || kind !== 'call') return 'contacted';
  return null;
}

// ---- do-not-call and referral ----------------------------------------------------------

const DO_NOT_CALL = new RegExp(
  [
    '别再打|不要再打|别往这(?:里|儿|边)?打|不要往这(?:里|儿|边)?打|(?:别|不要|不准|不许)再?给(?:我|他|她)打|举报|别打了|不要打了|再打就投诉|投诉|拉黑|黑名单|不要再联系|别再联系|别联系|不要联系|勿扰|不要再打扰|别再打扰',
    // 以后别打了, 以后不要再来电
    '以后(?:都)?(?:别|不要|甭|不用|不准)再?(?:打|联系|来电|打扰|骚扰)',
    // the number taken off the list: 号码删了, 把他号码从名单里删掉, 从通讯录移除
    '号码删|删(?:了|掉|除)[^,.;!?。]{0,6}(?:号码|电话|信息)|把(?:他|她|我)?的?号码删',
    '(?:号码|电话|联系方式|信息|名字|他|她|我)[^,.;!?。]{0,8}(?:从|在)?(?:名单|通讯录|号码库|数据库|客户库|列表|系统)里?[^,.;!?。]{0,2}(?:删|移除|去掉|拿掉|划掉|清除|拉黑)',
    '(?:从|在)(?:名单|通讯录|号码库|数据库|客户库|列表|呼叫名单)(?:里|中|上)?(?:删|移除|去掉|拿掉|划掉|清除)',
    '\\bdo not call\\b|\\bdon\'?t call (?:me|him|her|them|again)\\b|\\bdo-not-call\\b|\\bDNC\\b|\\bstop calling\\b|\\bnever call\\b|\\bno more calls\\b|\\bdon\'?t (?:ring|phone) (?:me|him|her|them|again)\\b',
    '\\bremove (?:me|him|her|them|(?:his|her|their|my) (?:number|details|name))\\s+(?:from|off)\\b|\\btake (?:me|him|her|them|(?:his|her|their|my) (?:number|details|name)) off\\b|\\bunsubscribe\\b|\\bopt(?:ed)? out\\b|\\bthreatened to (?:complain|report)\\b',
    '\\bdo(?:n\'?t| not) (?:contact|bother) (?:me|us|him|her|them)\\b(?!\\s+(?:before|until|till|after|on|this|next|today|tomorrow)\\b)|\\bdo not contact\\b|\\b(?:asked|wants?) not to be (?:called|contacted)\\b|\\bno (?:further|more) contact\\b',
  ].join('|'),
  'i',
);

export function isDoNotCall(text: string): boolean {
  return DO_NOT_CALL.test(text);
}

/** Referral cues; 帮我介绍 / 给她介绍 (the customer or rep introducing) does not count. */
const REFERRAL = /转介绍|介绍(?:过来|来)?的|推荐(?:过来|来)?的|老带新|经[^,.;!?。]{1,8}介绍|通过[^,.;!?。]{1,8}(?:介绍|推荐)|\breferred\b|\breferral from\b|\bwas a referral\b|\brecommended (?:by|us)\b|\bintroduced by\b/gi;
const NOT_REFERRAL = /[帮给向为替我]\s*[^,.;!?。]{0,3}$|会$|要$|答应$|\bwill\b|\bcould\b/i;

export function isReferral(text: string): boolean {
  for (const m of text.matchAll(REFERRAL)) {
    if (/^(?:referred|introduced|recommended)/i.test(m[0])) {
      // "was referred by", "Tom referred her to us" count; "she referred two friends" does not.
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (/\s/.test(m[0]) || /^\s+(?:by|him|her|them|us|me)\b/i.test(after) || /\b(?:was|were|been|got|is)\s+$/i.test(before)) return true;
      continue;
    }
    if (/^(?:referral|was a referral)/i.test(m[0])) return true;
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (NOT_REFERRAL.test(before)) continue;
    return true;
  }
  return false;
}
