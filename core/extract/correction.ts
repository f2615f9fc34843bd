/**
 * The "Edit" button: the rep types a correction in words and we return only the fields it
 * changes. Three shapes cover what reps type:
 *  - a swap:     "不是张总，是李总", "not Zhang, it was Li", "把四星卡改成五星卡"
 *  - a label:    "公司是华通物流", "金额 6800", "意向A", "时间改成周四下午", "phone: 07700 900123"
 *  - a plain fact the extractor already reads: "没接通", "成交了", "别再打了", "不用跟进了"
 */
import { findTimes } from '../time/resolve.ts';
import { findAmount } from './amount.ts';
import { findDuration } from './duration.ts';
import { findNames } from './names.ts';
import { findObjections } from './objections.ts';
import { isDoNotCall, isReferral } from './outcome.ts';
import { findPhone } from './phone-number.ts';
import { findProducts } from './products.ts';
import { normalizeText } from './text.ts';
import type { ExtractedActivity, ExtractOptions } from './types.ts';
import type { ActivityKind, CallResult, Grade, Stage } from '../domain.ts';

type Patch = Partial<ExtractedActivity>;
type Field = 'customer' | 'company' | 'phone' | 'amount' | 'products' | 'intent' | 'durationMin' | 'followUpAt' | 'stage' | 'result' | 'kind';

const LABELS: Array<[Field, RegExp]> = [
  ['followUpAt', /^(?:下次)?(?:跟进|回访|联系)?(?:时间|日期)|^跟进|^回访|^(?:follow[- ]?up|next call|callback|call back|time|date)\b/i],
  ['customer', /^(?:客户|名字|姓名|称呼|联系人|人名)|^(?:customer|client|name|contact)\b/i],
  ['company', /^(?:公司|单位|企业)|^(?:company|firm|business)\b/i],
  ['phone', /^(?:电话|号码|手机|手机号)|^(?:phone|number|mobile|tel)\b/i],
  ['amount', /^(?:金额|成交额|成交价|价格|价钱|总价|订单金额)|^(?:amount|price|value|deal value|total)\b/i],
  ['products', /^(?:产品|商品|卡种|套餐)|^(?:products?|plan)\b/i],
  ['intent', /^(?:意向|等级|级别)|^(?:intent|grade|rating)\b/i],
  ['durationMin', /^(?:通话)?时长|^(?:duration|talk time)\b/i],
  ['stage', /^(?:阶段|状态)|^(?:stage|status)\b/i],
  ['result', /^(?:结果|通话结果)|^(?:result|outcome)\b/i],
];
const SEPARATOR = /^\s*(?:应该是|改成|改为|换成|更正为|是|为|叫|:|=|->|→|should be|changed to|change to|is|to)?\s*/i;
const SWAP_ZH = /不是\s*([^,;。!?]{1,40}?)\s*[,;，；]?\s*(?:而)?是\s*([^,;。!?]{1,40})/;
const SWAP_ZH_REVERSED = /(?:^|[,;。])\s*是\s*([^,;。!?]{1,40}?)\s*[,;，；]?\s*不是\s*([^,;。!?]{1,40})/;
const SWAP_CHANGE = /(?:把)?\s*([^,;。!?\s][^,;。!?]{0,29}?)\s*(?:改成|改为|换成|更正为)\s*([^,;。!?]{1,40})/;
const SWAP_EN = /\bnot\s+([^,;.!?]{1,40}?)\s*[,;]?\s*(?:it was|it's|it is|but|was|rather)\s+([^,;!?]{1,40}?)\s*\.?$/i;
const SWAP_EN_CHANGE = /\bchange\s+([^,;.!?]{1,40}?)\s+to\s+([^,;!?]{1,40}?)\s*\.?$/i;
const NO_FOLLOW_UP = /不用(?:再)?跟进|不再跟进|不跟进|取消跟进|不用回访|不用再打|\bno (?:need to )?follow[- ]?up\b|\bcancel (?:the )?follow[- ]?up\b|\bdon'?t follow up\b/i;

export function parseCorrection(text: string, current: ExtractedActivity, opts: ExtractOptions): Patch {
  try {
    return parse(normalizeText(text), current, opts);
  } catch {
    return {};
  }
}

function parse(t: string, current: ExtractedActivity, opts: ExtractOptions): Patch {
  const patch: Patch = {};
  if (!t) return patch;
  let rest = t;

  const swap = findSwap(t);
  if (swap) {
    applySwap(patch, swap.old, swap.value, current, opts);
    rest = t.replace(swap.whole, ' ');
  }

  for (const clause of rest.split(/[;。；\n]|(?<!\d)[,.]|[,.](?!\d)/)) {
    const c = clause.trim();
    if (!c) continue;
    const label = LABELS.find(([, re]) => re.test(c));
    if (label) {
      const after = c.replace(label[1], '');
      const sep = SEPARATOR.exec(after)![0];
      // "客户说太贵" mentions the customer but corrects nothing about the name.
      const needsSeparator = label[0] === 'customer' || label[0] === 'company' || label[0] === 'stage' || label[0] === 'result';
      if ((!needsSeparator || sep.trim()) && applyField(patch, label[0], after.slice(sep.length), current, opts)) continue;
    }
    applyFacts(patch, c, current, opts);
  }
  return patch;
}

function findSwap(t: string): { old: string; value: string; whole: string } | null {
  const zh = SWAP_ZH.exec(t);
  if (zh) return { old: clean(zh[1]!), value: clean(zh[2]!), whole: zh[0] };
  const rev = SWAP_ZH_REVERSED.exec(t);
  if (rev) return { old: clean(rev[2]!), value: clean(rev[1]!), whole: rev[0] };
  const en = SWAP_EN.exec(t) ?? SWAP_EN_CHANGE.exec(t);
  if (en) return { old: clean(en[1]!), value: clean(en[2]!), whole: en[0] };
  const change = /改成|改为|换成|更正为/.test(t) ? SWAP_CHANGE.exec(t) : null;
  // "时间改成周四下午" is a label, not a swap.
  if (change && !LABELS.some(([, re]) => re.test(clean(change[1]!)))) {
    return { old: clean(change[1]!), value: clean(change[2]!), whole: change[0] };
  }
  return null;
}

function applySwap(patch: Patch, old: string, value: string, current: ExtractedActivity, opts: ExtractOptions): void {
  const o = old.toLowerCase();
  const matches = (s: string | null) => !!s && (s.toLowerCase() === o || s.toLowerCase().includes(o) || o.includes(s.toLowerCase()));
  const label = LABELS.find(([, re]) => re.test(old));
  if (label && applyField(patch, label[0], value, current, opts)) return;
  if (matches(current.customer)) return void (patch.customer = personName(value));
  if (matches(current.company)) return void (patch.company = value);
  const product = current.products.find((p) => matches(p));
  if (product) {
    patch.products = [...new Set(current.products.map((p) => (p === product ? value : p)))];
    return;
  }
  if (current.phone && old.replace(/\D/g, '') === current.phone.replace(/\D/g, '')) {
    patch.phone = findPhone(value)?.phone ?? value;
    return;
  }
  // The old value is unknown to us: decide by what the new one looks like.
  if (findPhone(value)) patch.phone = findPhone(value)!.phone;
  else if (findProducts(value, opts.knownProducts).length > 0 && findNames(value).length === 0) patch.products = [value];
  else if (/(?:公司|集团|物流|科技|餐饮|贸易|\b(?:Ltd|Inc|LLC|Corp|Co|PLC|Group))$/i.test(value)) patch.company = value;
  else patch.customer = personName(value);
}

/** Sets one labelled field; false when the value says nothing usable. */
function applyField(patch: Patch, field: Field, raw: string, current: ExtractedActivity, opts: ExtractOptions): boolean {
  const value = clean(raw);
  if (!value) return false;
  switch (field) {
    case 'customer':
      patch.customer = personName(value);
      return true;
    case 'company':
      patch.company = value;
      return true;
    case 'phone': {
      const phone = findPhone(value);
      if (phone) patch.phone = phone.phone;
      return phone !== null;
    }
    case 'amount': {
      if (/^(?:无|没有|none|null|n\/a)$/i.test(value)) {
        patch.amount = null;
        return true;
      }
      const amount = findAmount(value);
      if (amount !== null) patch.amount = amount;
      return amount !== null;
    }
    case 'products': {
      const found = findProducts(value, opts.knownProducts);
      patch.products = found.length > 0 ? found : value.split(/\s*(?:和|、|\/|\band\b)\s*/).map(clean).filter(Boolean);
      return true;
    }
    case 'intent': {
      const g = /(?<![A-Za-z])([ABC])(?![A-Za-z])/i.exec(value) ?? (/高|强|high/i.test(value) ? ['', 'A'] : /中|一般|medium/i.test(value) ? ['', 'B'] : /低|弱|low/i.test(value) ? ['', 'C'] : null);
      if (g) patch.intent = g[1]!.toUpperCase() as Grade;
      return g !== null;
    }
    case 'durationMin': {
      const d = findDuration(value) ?? (/^\d+(?:\.\d+)?$/.test(value) ? { minutes: Number(value) } : null);
      if (d) patch.durationMin = Math.round(d.minutes);
      return d !== null;
    }
    case 'followUpAt': {
      if (NO_FOLLOW_UP.test(value) || /^(?:无|没有|不用|取消|none|cancel)/i.test(value)) {
        patch.followUpAt = null;
        return true;
      }
      const at = lastTime(value, opts);
      if (at) patch.followUpAt = at;
      return at !== null;
    }
    case 'stage': {
      const s = stageOf(value);
      if (s) patch.stage = s;
      return s !== null;
    }
    case 'result': {
      const r = resultOf(value);
      if (r) patch.result = r;
      return r !== null;
    }
    case 'kind': {
      const k = kindOf(`是${value}`);
      if (k) patch.kind = k;
      return k !== null;
    }
  }
  void current;
  return false;
}

/** A clause with no label: read the facts the extractor would read. */
function applyFacts(patch: Patch, clause: string, current: ExtractedActivity, opts: ExtractOptions): void {
  if (NO_FOLLOW_UP.test(clause)) patch.followUpAt = null;
  const c = clause.replace(NO_FOLLOW_UP, ' ');
  const result = resultOf(c);
  if (result) patch.result = result;
  const stage = stageOf(c);
  if (stage) patch.stage = stage;
  const kind = kindOf(c);
  if (kind) patch.kind = kind;
  const grade = /(?<![A-Za-z])([ABC])\s*(?:类|级|档)|意向\s*([ABC])(?![A-Za-z])|\b(?:grade|class|intent)\s*([ABC])\b|\b([ABC])[- ]grade\b/i.exec(c);
  if (grade) patch.intent = (grade[1] ?? grade[2] ?? grade[3] ?? grade[4])!.toUpperCase() as Grade;
  if (/不是(?:转)?介绍|不是转介绍|\bnot (?:a )?referral\b/i.test(c)) {
    patch.referral = false;
    patch.referredBy = null;
  } else if (isReferral(c)) {
    patch.referral = true;
    const referrer = findNames(c).find((n) => /^(?:转)?(?:介绍|推荐)/.test(c.slice(n.end, n.end + 3)));
    if (referrer) patch.referredBy = referrer.name;
  }
  if (/可以(?:继续|再)?(?:打|联系)|没(?:说|有)(?:不让|别)再?打|\bcan call (?:again|back)\b|\bnot do[- ]not[- ]call\b/i.test(c)) patch.doNotCall = false;
  else if (isDoNotCall(c)) {
    patch.doNotCall = true;
    patch.followUpAt = null;
  }
  const objections = findObjections(c);
  if (objections.length > 0) {
    const replace = /改成|只有|只是|应该是|\bonly\b|\binstead\b/i.test(c);
    patch.objections = replace ? objections : [...new Set([...(patch.objections ?? current.objections), ...objections])];
  }
  const duration = /聊|通话|谈|talk|spoke|call|min|分钟|小时/i.test(c) ? findDuration(c) : null;
  if (duration) patch.durationMin = duration.minutes;
  if (/[¥$£€]|元|块|万|RMB|USD|GBP/.test(c) && !duration) {
    const amount = findAmount(c);
    if (amount !== null) patch.amount = amount;
  }
  const phone = findPhone(c);
  if (phone) patch.phone = phone.phone;
  if (patch.followUpAt !== null && !isDoNotCall(c)) {
    const at = lastTime(phone ? c.replace(phone.phone, ' ') : c, opts);
    if (at) patch.followUpAt = at;
  }
}

function lastTime(text: string, opts: ExtractOptions): Date | null {
  const found = findTimes(text, { now: opts.now, timeZone: opts.timeZone, defaultHour: opts.defaultHour ?? 10 });
  return found[found.length - 1]?.at ?? null;
}

function resultOf(c: string): CallResult | null {
  if (/空号|停机|号码(?:错误|有误|不对|错了)|\bwrong number\b|\binvalid\b/i.test(c)) return 'invalid_number';
  if (/占线|忙音|\bbusy\b/i.test(c)) return 'busy';
  if (/没(?:有)?人?接|未接|没接通|打不通|无人接听|\bno answer\b|\bdid(?:n'?t| not) (?:answer|pick up)\b|\bunanswered\b/i.test(c)) return 'no_answer';
  if (/(?<![没未不])接通|接了|打通了|\bconnected\b|\banswered\b|\bpicked up\b/i.test(c)) return 'connected';
  return null;
}

function stageOf(c: string): Stage | null {
  if (/(?<![没未不])成交|签了|签约|付款了|\bwon\b|\bsigned\b|\bclosed\b/i.test(c)) return 'won';
  if (/流失|丢单|没戏|\blost\b/i.test(c)) return 'lost';
  if (/意向客户|建卡|\bA-card\b|\bintent\b/i.test(c) && !/意向\s*[ABC]/i.test(c)) return 'intent';
  if (/\bcontacted\b|已联系/i.test(c)) return 'contacted';
  if (/\blead\b|线索/i.test(c)) return 'lead';
  return null;
}

function kindOf(c: string): ActivityKind | null {
  const m = /(?:是|改成|应该是|其实是)\s*(?:一次|个)?\s*(上门|拜访|面谈|见面|微信|短信|消息|邮件|会议|开会|电话)|\b(?:it was|was) (?:a |an )?(visit|meeting|message|text|email|call|phone call)\b/i.exec(c);
  if (!m) return null;
  const w = (m[1] ?? m[2])!.toLowerCase();
  if (/上门|拜访|面谈|见面|visit/.test(w)) return 'visit';
  if (/会议|开会|meeting/.test(w)) return 'meeting';
  if (/微信|短信|消息|邮件|message|text|email/.test(w)) return 'message';
  return 'call';
}

function personName(value: string): string {
  const names = findNames(value);
  return names[0]?.name ?? value;
}

function clean(s: string): string {
  return s.replace(/^[\s"'“”‘’「」]+|[\s"'“”‘’「」。.!！?？了吧啊呀哦]+$/g, '').trim();
}
