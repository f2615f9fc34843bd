/**
 * Products mentioned: the team's own product names first (from the knowledge base, matched
 * case-insensitively, longest first), then generic shapes that work for products we have never
 * seen: X卡 / X套餐 / X会员 / 年卡, "the Gold plan", "annual membership".
 */

/** Before a generic product word, where the product name starts (一张四星卡 → 四星卡). */
const ZH_GENERIC = /([\p{Script=Han}A-Za-z0-9]{1,6}?)(卡|套餐|疗程|礼包|服务包)/gu;
const ZH_MEMBER = /(黄金|白金|铂金|钻石|银卡|金卡|VIP|vip|年度|季度|月度|超级|高级|尊享|家庭|企业|个人|终身)会员/gu;
const BOUNDARY = /[的了和跟与给在是到去从找打对向为把被说问约同及或办买推定订签送个张份套次款种这那该此,.;:!?()\s\d]/u;
/** Cards that are not products: the A-card, bank cards, business cards… */
const NOT_PRODUCT = /^(?:[ABCabc]|银行|信用|储蓄|借记|身份|社保|医保|名|打|刷|SIM|sim|手机|电话|会员|充值|礼品|购物|门禁|工|磁|贺|这|那|一|两|几|开|办|张|实体|电子)$/u;
const EN_GENERIC =
  /\b((?:[A-Z][\w-]*|annual|monthly|quarterly|yearly|premium|basic|standard|gold|silver|platinum|diamond|family|vip|starter|pro|enterprise|business|lifetime)(?:\s+(?:[A-Z][\w-]*|annual|monthly|yearly|premium|basic|family))?)\s+(card|plan|package|membership|subscription|bundle|pass|tier)\b/g;
const EN_NOT_PRODUCT = /^(?:The|This|That|A|An|His|Her|Their|Our|Your|Credit|Debit|Business|Bank|Sim|SIM|Loyalty|Gift|Payment|Instalment|Installment|Phone|Call|Trial|Free)$/;

export function findProducts(text: string, known: string[] = []): string[] {
  const out: string[] = [];
  const spans: Array<[number, number]> = [];
  const lower = text.toLowerCase();
  const names = [...new Set(known.map((k) => k.trim()).filter((k) => k.length > 0))].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const needle = name.toLowerCase();
    let from = 0;
    let at: number;
    while ((at = lower.indexOf(needle, from)) !== -1) {
      from = at + needle.length;
      if (spans.some(([s, e]) => at < e && s < at + needle.length)) continue;
      // An ASCII name must stand as a word: "Pro" is not in "product".
      if (/^[\w]/.test(needle) && /\w/.test(lower[at - 1] ?? '')) continue;
      if (/[\w]$/.test(needle) && /\w/.test(lower[at + needle.length] ?? '')) continue;
      spans.push([at, at + needle.length]);
      if (!out.includes(name)) out.push(name);
    }
  }
  const addGeneric = (name: string, start: number, end: number) => {
    if (spans.some(([s, e]) => start < e && s < end)) return;
    spans.push([start, end]);
    if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
  };
  for (const m of text.matchAll(ZH_GENERIC)) {
    const head = trimHead(m[1]!);
    if (!head || NOT_PRODUCT.test(head) || /^\d+$/.test(head) || /[ABCabc]$/.test(head)) continue;
    const start = m.index + m[1]!.length - head.length;
    addGeneric(head + m[2]!, start, m.index + m[0].length);
  }
  for (const m of text.matchAll(ZH_MEMBER)) addGeneric(m[0], m.index, m.index + m[0].length);
  for (const m of text.matchAll(EN_GENERIC)) {
    const words = m[1]!.split(/\s+/);
    while (words.length && EN_NOT_PRODUCT.test(words[0]!)) words.shift();
    if (words.length === 0) continue;
    const name = `${words.join(' ')} ${m[2]}`;
    const start = m.index + m[0].indexOf(words[0]!);
    addGeneric(name, start, m.index + m[0].length);
  }
  return out;
}

function trimHead(s: string): string {
  let cut = 0;
  for (let i = 0; i < s.length; i++) if (BOUNDARY.test(s[i]!)) cut = i + 1;
  return s.slice(cut);
}
