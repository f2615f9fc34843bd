/**
 * The customer's company: a Chinese name ending in an industry word (华通物流, 鑫达建材,
 * 华信科技, 某某有限公司) or an English one ending in Ltd/Inc/Logistics… A competitor the
 * customer already buys from is not their company, so only names with such a suffix count.
 */

const ZH_SUFFIX =
  '股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|物流|快递|建材|建筑|科技|软件|通信|餐饮|酒店|贸易|商贸|实业|传媒|医药|制药|药业|药房|诊所|机械|服饰|地产|置业|物业|工贸|汽修|装饰|装修|印刷|包装|化工|五金|家具|家居|超市|商行|工作室|律所|事务所|制造|纺织|塑料|钢铁|航运|货运|运输|电器|门诊|幼儿园';
/** Characters that end the text before a company name (刚给华通物流 → 华通). */
const BOUNDARY = /[的了和跟与给在是到去从找打对向为把被说问约跟同及或,.;:!?()\s\d]/u;
/** Words that end the text before a name too: 今天上门拜访华通物流 → 华通. */
const LEAD_WORDS = /拜访|联系|打给|电话|通话|客户|老板|上门|回访|今天|昨天|刚才|刚刚|刚|一家|这家|那家|家的|来自|就是|就职|工作|上班/gu;
const NOT_A_NAME = /^(?:我们|你们|他们|她们|咱们|我|你|他|她|本|贵|这家|那家|这个|那个|一家|别的|别家|其他|其它|同一|大|小|老|新|原|上家|前)$/;

const ZH_COMPANY = new RegExp(`([\\p{Script=Han}A-Za-z]{1,10}?)(${ZH_SUFFIX})`, 'gu');
const EN_COMPANY =
  /\b((?:[A-Z][A-Za-z&'-]*\s+){0,3}[A-Z][A-Za-z&'-]*)\s+(Ltd|Limited|Inc|Corp|Corporation|Co|LLC|PLC|GmbH|Group|Logistics|Technologies|Tech|Foods|Holdings|Trading|Solutions|Consulting|Industries|Partners|Enterprises)\b\.?/g;
const EN_LEAD_WORDS = /^(?:At|From|For|With|Of|Called|Spoke|Met|Visited|The|Left|No|Emailed|Texted)\s+/;

export function findCompany(text: string): string | null {
  for (const m of text.matchAll(ZH_COMPANY)) {
    const head = trimHead(m[1]!);
    if (head.length < 2 || NOT_A_NAME.test(head) || /[我你他她它们这那哪让叫请说问查证]/u.test(head)) continue;
    return head + m[2]!;
  }
  for (const m of text.matchAll(EN_COMPANY)) {
    let name = `${m[1]} ${m[2]}`;
    while (EN_LEAD_WORDS.test(name)) name = name.replace(EN_LEAD_WORDS, '');
    if (/^(?:Mr|Mrs|Ms|Dr)\b/.test(name)) continue;
    return name;
  }
  return null;
}

/** Keeps what follows the last boundary character: 刚给华通 → 华通, 和恒远 → 恒远. */
function trimHead(s: string): string {
  let cut = 0;
  for (let i = 0; i < s.length; i++) if (BOUNDARY.test(s[i]!)) cut = i + 1;
  let head = s.slice(cut);
  const words = [...head.matchAll(LEAD_WORDS)];
  const last = words[words.length - 1];
  if (last) head = head.slice(last.index + last[0].length);
  return head.length > 6 ? head.slice(-6) : head;
}
