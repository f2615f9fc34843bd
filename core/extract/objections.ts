/**
 * Objections heard on the call, mapped to the contract's categories (formats.md §2).
 * trust covers scam suspicion and bad past experience; other covers wanting to see in person.
 * Kept narrow on purpose: "isn't interested" or "再说吧" are moods, not objections.
 */
import type { Objection } from '../domain.ts';

const FAMILY = '老伴|老公|老婆|爱人|丈夫|妻子|太太|先生|儿子|女儿|儿媳|女婿|孩子|子女|家人|家里人?|领导|老板|上级|合伙人|股东|财务|父母|爸妈';
const RIVAL = '别家|别人家|人家|其他家|其它家|其他公司|别的公司|别的地方|另一家|隔壁|那家|外面|同行|竞品|竞争对手|网上|他们家|别人';

const RULES: Array<[Objection, RegExp]> = [
  ['competitor_cheaper', new RegExp(`(?:${RIVAL})[^,.;!?。]{0,10}(?:便宜|更低|价格低|只要|只卖|才卖|半价|一半|才\\s*\\d|才[一二两三四五六七八九十百千]|打折|优惠更多)|比(?!去年|以前|原来|之前|上次)[^,.;!?。]{1,8}贵|\\bcheaper\\b|\\bfor less\\b|\\blower price|\\bbetter (?:price|deal)\\b|\\bundercut|\\bmore expensive than\\b`, 'i')],
  ['price', /手头紧|没钱|资金紧张|经济压力|(?<![不宝珍富])贵(?!公司|司|方|姓|宾|州|阳|人|重|在)|太高了|价格(?:太|有点|偏|比较)?高|价钱(?:太|有点|偏)?高|舍不得|负担不起|买不起|超预算|预算不够|预算有限|没预算|\btoo expensive\b|\bpricey\b|\bexpensive\b|\bcan'?t afford\b|\bcannot afford\b|\bover (?:his|her|their|the|our) budget\b|\bout of (?:his|her|their)? ?budget\b|\bprice is too high\b|\bcosts? too much\b|\btoo much money\b|\b(?:cash|money|budget) is tight\b|\btight budget\b|\bno budget\b/i],
  ['think_it_over', /(?<![不没])考虑(?!到)|想想|想一想|再想|没想好|还没决定|拿不定主意|犹豫|琢磨|\bthink (?:it )?over\b|\bthink about it\b|\bmull\b|\bsleep on it\b|\bneeds? time to (?:decide|think)\b|\bundecided\b/i],
  ['consult_others', new RegExp(`商量|(?:问问|问一下|问下)(?:${FAMILY})|(?:跟|和|与)(?:${FAMILY})[^,.;!?。]{0,4}(?:说|讲|问|商量|讨论|沟通)|(?:${FAMILY})[^,.;!?。]{0,4}(?:点头|同意|拍板|做主|说了算|决定)|做不了主|不能做主|领导(?:批|审批|签字|拍板)|请示|\\bask (?:his|her|their|my) (?:wife|husband|daughter|son|kids|children|family|boss|partner|manager|spouse|parents)\\b|\\bcheck with (?:his|her|their)\\b|\\bdiscuss (?:it )?with\\b|\\btalk (?:it )?over with\\b|\\brun it by\\b|\\bconsult\\b`, 'i')],
  ['has_supplier', /已经(?:在[^,.;!?。]{1,8}(?:办|买|用|订|签|报)|有(?:了)?[^,.;!?。]{0,6}(?:卡|会员|供应商|渠道|合作|产品|套餐|服务)|是[^,.;!?。]{0,8}会员|买过|办过)|(?:在用|用着|一直用|用了|用的是|买了|签了|装了)(?:别家|其他家|别的|其它家|别人家)|已经有了(?=[,.;!?。]|$)|有(?:固定|合作)的?(?:供应商|渠道|服务商)|有合作(?:的|方|伙伴)|\balready (?:a member|has|have|use|uses|using|bought|with|signed|works with|got|buys)\b|\buses? (?:another|a different) (?:supplier|provider|company)\b|\b(?:has|have) a supplier\b|\bcurrent (?:supplier|provider)\b|\bexisting (?:supplier|provider|contract)\b/i],
  ['send_materials', /\basked for (?:a |the |some |our )?(?:price list|pricing|brochure|info|information|details|quote|proposal|materials|catalogue|catalog)\b|发(?:些|点|个|份|一下|一份)?(?:资料|介绍|材料|方案|报价|链接|宣传|样品|目录)|要[^,.;!?。]{0,3}(?:资料|报价单|样品)|寄[^,.;!?。]{0,4}(?:资料|样品|报价|材料|目录)|资料寄|看看资料|\bsend (?:me |him |her |them |over )?(?:some |the |a |an )?(?:info|information|details|brochure|materials|email|pricing|price list)\b|\bemail (?:me|him|her|them) (?:the |some )?(?:details|info|information)\b/i],
  ['no_time', /没空|没时间|忙得很|很忙|太忙|挺忙|比较忙|忙着|在忙|忙不过来|正忙|忙呢|开车|在开会|开会呢|开会中|要开会|不方便|在上班|上班呢|抽不出|没工夫|接孙子|带孩子|别耽误|\b(?:he|she|they|i)(?:'s| is| was| were| are| am) (?:too |very |really |quite )?busy\b|\bbusy (?:right now|at the moment|at work|with)\b|\bno time\b|\bdriving\b|\bin a meeting\b|\bnot a good time\b|\bbad time\b/i],
  ['no_need', /不需要|用不着|用不上|用不到|没(?:有)?(?:这个|这方面的?|什么)?(?:需要|需求)|不用了|\bdo(?:es)?n'?t need\b|\bdoes not need\b|\bno need\b|\bnot needed\b|\bno use for\b/i],
  ['trust', /骗子|骗局|骗人|被骗|受骗|诈骗|被坑|坑过|上当|不信任|不相信|不信|怀疑|戒心|正规|\bscam\b|\bfraud\b|\bcon artist\b|\bdo(?:es)?n'?t trust\b|\bdistrust|\bsuspicious\b|\bskeptical\b|\bsceptical\b|\bbad experience\b|\bburn(?:ed|t) before\b|\bripped off\b|\blegit\b/i],
  ['other', /亲眼|当面(?:看|聊|谈)|见面再|见了面再|实地|(?:到|去|来)(?:店|门店|店里|公司|现场|展厅|体验店|实体店|工厂|厂里)[^,.;!?。]{0,4}看|上门看|看看实物|看到实物|\bin person\b|\bface to face\b|\bvisit the (?:store|shop|office|centre|center|clinic)\b|\bcome in (?:to|and) see\b/i],
];

/** A 贵 that compares with a rival (比人家贵) is the competitor objection, not price. */
const COMPARATIVE_PRICE = /比(?!去年|以前|原来|之前|上次)[^,.;!?。]{1,8}贵|more expensive than/i;

export function findObjections(text: string): Objection[] {
  const hits: Array<{ o: Objection; at: number }> = [];
  for (const [o, re] of RULES) {
    const m = re.exec(text);
    if (!m) continue;
    if (o === 'price' && !hasPlainPrice(text)) continue;
    hits.push({ o, at: m.index });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.o);
}

function hasPlainPrice(text: string): boolean {
  const re = new RegExp(RULES.find(([o]) => o === 'price')![1].source, 'gi');
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index + m[0].length);
    if (!COMPARATIVE_PRICE.test(before)) return true;
  }
  return false;
}
