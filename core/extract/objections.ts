/**
 * Objections heard on the call, mapped to the contract's categories (formats.md §2).
 * trust covers scam suspicion and bad past experience; other covers wanting to see in person
 * (trying a product first is not "other"). Each category lists families of wordings, Chinese
 * then English. "再说吧" is a mood, not an objection; "not interested" counts as no_need only
 * when nothing more specific explains it ("already a member … isn't interested" is has_supplier).
 */
import type { Objection } from '../domain.ts';
import { SURNAMES } from './names.ts';

const FAMILY = '老伴|老公|老婆|爱人|丈夫|妻子|太太|先生|儿子|女儿|儿媳|女婿|孩子|子女|家人|家里人?|领导|老板|上级|合伙人|股东|财务|父母|爸妈|总监|CFO|CEO|老总';
/** Whose decision the customer waits for; not 老板, which is often the customer's own title (常老板拍板了). */
/** 老板 after a surname is the customer himself (常老板拍板了), after 他们/他 it is his boss. */
const NOT_AFTER_SURNAME = `(?<![${SURNAMES}])`;
const FAMILY_DECIDER = FAMILY.replace('老板', `${NOT_AFTER_SURNAME}老板`);
const RIVAL = '别家|别人家|人家|其他家|其它家|其他公司|别的公司|别的地方|另一家|隔壁|那家|外面|同行|竞品|竞争对手|网上|他们家|别人';
/** Who signs off inside an organisation (总部审批, 校长批, 董事会拍板). */
const APPROVER = `${FAMILY_DECIDER}|${NOT_AFTER_SURNAME}老总|总部|总公司|集团|上面|上头|董事会|董事长|总经理|校长|院长|园长|主任|采购部?|财务部|法务|委员会`;
/** Things a customer asks to be sent (发一份课程大纲, 报价单发过去, 要先看方案PPT). */
const MATERIAL = '资料|材料|方案|(?:课程|产品|公司|项目|服务)介绍|纸质版|电子版|报价(?:单|表)?|宣传(?:册|页|单)?|样品|目录|手册|大纲|PPT|彩页|画册|说明书|价目表|价格表|课表|案例|白皮书|规格书|参数表|对比表|产品册|样本|计划书|建议书';
const EN_MATERIAL =
  "brochures?|deck|slides?|proposal|spec(?:ification)? sheets?|specs|one-?pager|case stud(?:y|ies)|white ?papers?|price ?list|pricing|quote|quotation|" +
  'catalog(?:ue)?|info(?:rmation)? pack|info|information|details|materials|literature|samples?|leaflets?|flyers?|fact ?sheets?|data ?sheets?|product sheets?|syllabus|curriculum|course outline';
/** Places a customer wants to see for himself before deciding (去诊所看看环境). */
const PLACE = '店|门店|店里|公司|现场|展厅|体验店|实体店|工厂|厂里|诊所|医院|门诊|机构|校区|学校|网点|营业厅|样板间|样板房|售楼处|展会|4S店|会所|馆里|中心';

const rule = (zh: string, en: string) => new RegExp(`${zh}|${en}`, 'i');

const RULES: Array<[Objection, RegExp]> = [
  ['competitor_cheaper', rule(
    `(?:${RIVAL})[^,.;!?。]{0,16}(?:便宜|更低|价格低|只要|只卖|才卖|半价|一半|才(?:收|要|卖|报|花|交)?\\s*\\d|才(?:收|要|卖|报|花|交)?[一二两三四五六七八九十百千]|打折|优惠更多)|比(?:我们|咱们|你们|我家)[^,.;!?。]{0,10}(?:便宜|低|少)|(?:我们|咱们)?这价(?:钱|格)?(?:没法比|比不了|比不过)|比(?!去年|以前|原来|之前|上次|我们|咱们|我家)[^,.;!?。]{1,8}贵`,
    '\\bcheaper\\b|\\bfor (?:way |much |a lot |far )?less\\b|\\b(?:sells?|selling|offers?|offering|does|charges?|charging|costs?|gets?)\\b[^.;!?]{0,40}\\bfor half the price\\b|\\b(?:costs?|charges?|pays?|paying)\\b[^.;!?]{0,24}\\bless than (?:our|ours|us|what we)\\b|\\blower price|\\bbetter (?:price|deal)\\b|\\bundercut|\\bmore expensive than\\b',
  )],
  ['price', rule(
    '手头紧|没钱|资金紧张|经济压力|(?<![不宝珍富])贵(?!公司|司|方|姓|宾|州|阳|人|重|在)|太高了|价格(?:太|有点|偏|比较)?高|价钱(?:太|有点|偏)?高|舍不得|负担不起|买不起|' +
      // over budget: 超出预算, 预算不够/用完; a named fee that is too high: 保费太高, 学费偏高
      '超预算|超(?:出|过)(?:了)?[^,.;!?。]{0,4}预算|预算(?:不够|有限|不足|紧张|紧|超了|用完|花完|没了)|没预算|' +
      '(?:保费|学费|费用|收费|月费|年费|会费|课时费|服务费|报价|首付|月供)[^,.;!?。]{0,3}(?:太|偏|有点|有些|比较|挺|过)高',
    "\\btoo expensive\\b|\\bpricey\\b|\\b(?:price|cost|fee|quote|premium)s?\\b[^.;!?]{0,20}\\bsteep\\b|\\b(?:it'?s|that'?s|is|was) (?:too|a bit|rather|quite|pretty|very) steep\\b|\\bexpensive\\b|\\bcan'?t afford\\b|\\bcannot afford\\b|\\bprice is too high\\b|\\b(?:price|quote|premium|fee|cost|rate|tuition|pricing)s?\\b[^,.;!?]{0,20}\\btoo high\\b|\\bcosts? too much\\b|\\btoo much money\\b|" +
      '\\b(?:cash|money|budget) is tight\\b|\\btight budget\\b|\\bno budget\\b|\\bout of (?:his|her|their)? ?budget\\b|' +
      '\\b(?:over|exceeds?|beyond|outside|above) (?:(?:his|her|their|the|our) )?budget\\b|\\bmore than (?:he|she|they|we) (?:had )?budgeted\\b|\\bbudget (?:is )?(?:used up|spent|gone|exhausted)\\b',
  )],
  ['think_it_over', rule(
    '(?<![不没])考虑(?!到)|想想|想一想|再想|没想好|还没决定|拿不定主意|犹豫|琢磨',
    '\\bthink (?:it )?over\\b|\\bthink about it\\b|\\bmull\\b|\\bsleep on it\\b|\\bneeds? time to (?:decide|think)\\b|\\bundecided\\b',
  )],
  ['consult_others', rule(
    `商量|(?:问问|问一下|问下)(?:她|他|自己)?(?:${FAMILY})|(?:跟|和|与)(?:她|他|自己)?(?:${FAMILY})[^,.;!?。]{0,4}(?:说|讲|问|商量|讨论|沟通|汇报|确认|review)|(?:${FAMILY_DECIDER})[^,.;!?。]{0,4}(?:点头|同意|拍板|做主|说了算|决定)|(?:等|要|得|需要|让|请)[^,.;!?。]{0,3}(?:老板|老总|领导|上面)[^,.;!?。]{0,4}(?:拍板|点头|同意|批|定|签字|审批|过目)|` +
      `做不了主|不能做主|请示|(?:${APPROVER})[^,.;!?。]{0,4}(?:批(?![量发次])|审批|审核|签字|过目|把关|定夺|拍板)|` +
      // an organisation's process: 走流程, 要审批, 要上会, 内部讨论
      '走(?:个|一下|一遍)?(?:内部)?(?:审批)?流程|(?:要|得|需要|等)(?:领导|老板|上面|总部|公司)?(?:审批|批准)|(?:要|得|需要|等|提交|拿到)[^,.;!?。]{0,3}上会(?!员)|' +
      '内部(?:讨论|商量|研究|开会|评估|决策)|集体(?:决定|讨论)|开会(?:讨论|研究)',
    "\\bask (?:his|her|their|my) (?:wife|husband|daughter|son|kids|children|family|boss|partner|manager|spouse|parents)\\b|\\bcheck with (?:his|her|their)\\b|" +
      '\\bdiscuss (?:it )?with\\b|\\btalk (?:it )?over with\\b|\\bconsult\\b|\\brun (?:it|this|that|the \\w+) (?:by|past)\\b|' +
      '\\b(?:review|go over|go through|clear|confirm) (?:it|this|that|the \\w+) with\\b|\\bsign-?off\\b|\\bapproval (?:from|of)\\b|' +
      '\\b(?:needs?|need to get|waiting (?:for|on)|awaiting|pending|subject to) (?:\\w+ ){0,2}(?:approval|the go-?ahead|green light|buy-?in)\\b|' +
      '\\b(?:take|bring|put) (?:it|this|that|the \\w+) to (?:the |his |her |their )?(?:board|committee|boss|management|partners?|CFO|CEO)\\b|' +
      "\\bnot (?:the|a) decision[- ]maker\\b|\\bdecision (?:is )?(?:up to|rests with|lies with)\\b|\\b(?:board|committee|head office|HQ|headquarters) (?:has to|needs to|must|will have to) (?:approve|decide|sign)\\b",
  )],
  ['has_supplier', rule(
    '已经(?:在[^,.;!?。]{1,8}(?:办|买|用|订|签|报)|有(?:了)?[^,.;!?。]{0,6}(?:卡|会员|供应商|渠道|合作|产品|套餐|服务)|是[^,.;!?。]{0,8}会员|买过|办过)|' +
      '(?:在用|用着|一直用|用了|用的是|买了|签了|装了)(?:别家|其他家|别的|其它家|别人家)|已经有了(?=[,.;!?。]|$)|有(?:固定|合作)的?(?:供应商|渠道|服务商)|有合作(?:的|方|伙伴)|' +
      // signed elsewhere and bound until a date: 已经签了海尔的维保，合同到明年6月
      '已经(?:跟|和|与)?[^,.;!?。]{1,8}签了|合同(?:签)?到(?:明年|今年|年底|下半年|\\d{1,2}月|\\d{4}年)|' +
      // signed or renewed elsewhere: 跟别家签了三年, 刚续了别家的
      `(?:跟|和|与)(?:${RIVAL})[^,.;!?。]{0,8}(?:签|合作|续)|续(?:了|签了?|约了?)(?:${RIVAL})|` +
      // a current contract still running: 合约还有半年才到期, 合同还有一年
      '(?:合同|合约|协议)[^,.;!?。]{0,8}(?:才到期|还没到期|没到期|未到期|还没结束)|(?:合同|合约|协议)还(?:有|剩)[^,.;!?。]{0,4}(?:年|个月|月)|' +
      '(?<![现实])在用(?!我们|咱|不|过)[^,.;!?。]{1,8}(?:家|公司|牌子)?的',
    "\\balready (?:a member|has|have|use|uses|using|bought|with|signed|works with|got|buys|covered)\\b(?! (?:us|our)\\b)|\\bwon'?t switch\\b|\\bnot (?:looking to )?switch(?:ing)?\\b|\\buses? (?:another|a different) (?:supplier|provider|company)\\b|" +
      '\\b(?:has|have) a supplier\\b|\\b(?:current|existing) (?:supplier|provider|vendor|contract|broker|insurer)\\b|' +
      '\\blocked in(?:to)? (?:a |an |the |their |his |her )?(?:contract|deal|agreement|until|till|for)\\b|\\btied (?:in)?to (?:a|an|the|their|his|her) (?:contract|deal|agreement)\\b|\\bunder (?:a |an )?(?:contract|agreement)\\b|' +
      '\\b(?:contract|agreement|subscription) (?:runs|lasts|is valid|is good)\\b|\\b(?:already|just) signed (?:up )?with\\b|\\bsigned (?:up )?with (?:another|a different|a rival|a competitor|someone else)\\b|\\brenewed (?:with|their contract with) (?!us\\b)|' +
      '\\bwith (?:another|a different|a rival|a competing) (?:supplier|provider|company|vendor|firm)\\b',
  )],
  ['send_materials', rule(
    `(?<![开出研爆批头])(?:发|寄|传|邮)(?![现展生票货布烧])(?:些|点|个|份|一下|一份)?(?:介绍|链接|${MATERIAL})|(?<![开出研爆批头])(?:发|寄|传)(?![现展生票货布烧统说真])[^,.;!?。]{0,6}(?:${MATERIAL})|` +
      `要[^,.;!?。]{0,3}(?:资料|报价单|样品)|要(?!带|做|准备|出|写|改|调)(?:我们|我|咱们)?(?:的|一份|份|个|些|点)?[^,.;!?。\\s带做]{0,4}(?:${MATERIAL})|(?:要|想|先)[^,.;!?。]{0,3}看[^,.;!?。]{0,3}(?:${MATERIAL})|(?:${MATERIAL})[^,.;!?。]{0,4}(?:发|寄|传)(?:过去|过来|给|到|一下|一份|[他她]|对方|客户)|` +
      '资料寄|看看资料|发(?:到|至)?[^,.;!?。]{0,4}邮箱',
    `\\b(?:send|e-?mail|mail|forward|post|share)(?: (?:me|him|her|them|us|over|across|through|out))*(?: (?:some|the|a|an|our|more|any|a copy of the|his|her|their))?(?: [\\w-]+)? (?:${EN_MATERIAL})\\b|` +
      `\\b(?:wants?|wanted|asked for|asks for|requested|requests|would like|needs?|prefers?)(?: to (?:see|get|receive|have|look at|review))?(?: (?:some|the|a|an|our|more|any|written))?(?: [\\w-]+)? (?:${EN_MATERIAL})\\b|` +
      '\\bemail (?:me|him|her|them) (?:the |some )?(?:details|info|information)\\b',
  )],
  ['no_time', rule(
    '没空|没时间|忙得很|很忙|太忙|挺忙|比较忙|忙着|在忙|忙不过来|正忙|忙呢|开车|在开会|开会呢|开会中|要开会|不方便|在上班|上班呢|抽不出|没工夫|接孙子|在带孩子|带孩子呢|忙着带孩子|别耽误|' +
      // busy elsewhere right now: 在上课, 在外地出差, 手上有事, 走不开
      '(?:单位|公司|工作|年底|月底|最近|这阵子|这段时间|手头|店里)(?:太|很|挺|比较|特别|有点)?忙|在上课|上课呢|正上课|在外地|出差|手[上头]有事|有事在忙|走不开|脱不开身|抽不开身|在加班|加班呢|在飞机上|要登机',
    "\\b(?:he|she|they|i)(?:'s| is| was| were| are| am) (?:too |very |really |quite )?busy\\b|\\bbusy (?:right now|at the moment|at work|with)\\b|\\bno time\\b|\\bdriving\\b|" +
      '\\bin a meeting\\b|\\bnot a good time\\b|\\bbad time\\b|\\bswamped\\b|\\bsnowed under\\b|\\btied up\\b|\\bflat out\\b|\\bslammed\\b|\\brushed off (?:his|her|their) feet\\b|' +
      '\\bup to (?:his|her|their) (?:eyes|ears|neck)\\b|\\bon the road\\b|\\btravell?ing\\b|\\baway on business\\b|\\bout of (?:town|the office|office)\\b|\\bon (?:holiday|vacation|leave)\\b|' +
      '\\bat the airport\\b|\\bin class\\b|\\bteaching\\b|\\bwith a (?:patient|client|customer)\\b',
  )],
  ['no_need', rule(
    '不需要|用不着|用不上|用不到|没(?:有)?(?:这个|这方面的?|什么)?(?:需要|需求)|不用了|不用(?:装|买|办|弄|换|搞|上|做)(?=[,.;!?。\\s]|$)|' +
      // no point: 没必要, 用处不大, 意义不大, 没啥用
      '没(?:有|什么|啥|多大)?必要|不必要|用处不大|意义不大|没(?:什么|啥|多大)(?:用处|意义)|没(?:什么|啥)用|没用(?=[,.;!?。\\s]|$)',
    "\\bdo(?:es)?n'?t need\\b|\\bdoes not need\\b|\\bno need\\b|\\bnot needed\\b|\\b(?:of )?no use\\b|" +
      "\\b(?:do(?:es)?n'?t|does not|do not|can'?t|cannot) see (?:the|any|much) (?:point|value|need|benefit)\\b|\\bsees? no (?:point|value|need|benefit)\\b|\\bno point\\b|\\bnot worth it\\b",
  )],
  ['trust', rule(
    '骗子|骗局|骗人|被骗|受骗|诈骗|被坑|坑过|上当|不信任|不相信|不信|怀疑|戒心|正规|' +
      // uneasy, or burnt before: 不太放心, 心里没底, 以前亏过钱, 吃过亏
      // let down before, by us or others: 再也不用我们的了, 用两个月就坏了，有点怕
      '再也不(?:用|买|找|信|敢)|用了?[^,.;!?。]{0,6}就(?:坏|出问题|不行)了|(?:有点|有些|挺|还是)?怕(?:被骗|上当|被坑|坑人|出问题|不靠谱|买到假)|' +
      '不(?:太|大|是很|怎么)?放心|信不过|心里没底|不踏实|吃过亏|亏过|亏了(?:不少|很多|好多)?钱|赔过钱|被宰|被忽悠|不靠谱',
    "\\bscam(?:med)?\\b|\\bfraud\\b|\\bcon artist\\b|\\bdo(?:es)?n'?t trust\\b|\\bdistrust|\\bsuspicious\\b|\\bskeptical\\b|\\bsceptical\\b|\\bbad experience\\b|" +
      '\\bburn(?:ed|t) before\\b|\\b(?:been|was|were|got) burn(?:ed|t)\\b|\\bripped off\\b|\\blegit\\b|\\blost money\\b|\\btoo good to be true\\b|\\bwary\\b',
  )],
  ['other', rule(
    `亲眼|看不见摸不着|摸不着看不见|当面(?:看|聊|谈)|见面再|见了面再|实地|(?:到|去|来)(?:我们|咱们|你们|我司)?[^,.;!?。]{0,4}?(?:${PLACE})[^,.;!?。]{0,6}看|看(?:看)?(?:实物|实车|真车|真机|样板间?)|看到实物`,
    '\\bin person\\b|\\bface to face\\b|\\bcome in (?:to|and) see\\b|' +
      '\\b(?:visit|see|tour|check out|look round|look around) (?:the|your|our) (?:showroom|store|shop|office|premises|facilit(?:y|ies)|clinic|centre|center|branch|factory|warehouse|show ?home|model home|campus|school|gym)\\b',
  )],
];

/** "Not interested" with no reason given is no_need; next to a real reason it is just mood. */
const NOT_INTERESTED = /不(?:太|大)?感兴趣|(?<!有)没(?:什么|啥|多大|太大)?兴趣|兴趣不大|(?:\bnot|n't|\bno longer)\s+(?:really\s+|very\s+|that\s+|at all\s+)?interested\b|\bno interest\b|\bnot keen\b/i;

/** A 贵 that compares with a rival (比人家贵) is the competitor objection, not price. */
const COMPARATIVE_PRICE = /比(?!去年|以前|原来|之前|上次|我们|咱们|我家)[^,.;!?。]{1,8}贵|more expensive than/i;

export function findObjections(text: string): Objection[] {
  const hits: Array<{ o: Objection; at: number }> = [];
  for (const [o, re] of RULES) {
    const m = re.exec(text);
    if (!m) continue;
    if (o === 'price' && !hasPlainPrice(text)) continue;
    hits.push({ o, at: m.index });
  }
  if (hits.length === 0) {
    const m = NOT_INTERESTED.exec(text);
    if (m) hits.push({ o: 'no_need', at: m.index });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.o);
}

/**
 * A price complaint that is not a comparison: 比人家贵, or 贵 after a cheaper rival in the same
 * sentence (隔壁一节课才60，我们75，贵太多了) is the competitor objection alone.
 */
function hasPlainPrice(text: string): boolean {
  const re = new RegExp(RULES.find(([o]) => o === 'price')![1].source, 'gi');
  const rival = RULES.find(([o]) => o === 'competitor_cheaper')![1];
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index + m[0].length);
    if (COMPARATIVE_PRICE.test(before)) continue;
    const sentence = text.slice(0, m.index).split(/[.!?;。！？；\n]/).pop() ?? '';
    if (rival.test(sentence)) continue;
    return true;
  }
  return false;
}
