/**
 * The person a log is about, as the rep named them: a surname plus a title or kinship term
 * (张总, 李姐, 孙大爷, 王建国先生, 小王, 黄sir), a Japanese one (铃木先生, 田中さん, Tanaka-san) or an
 * English name (Mrs Patel, David Chen, "Tom Becker at Ridgeway Motors").
 * A surname list keeps "和老板" or "完成总结" from reading as names; a referrer (王阿姨介绍的)
 * is not the customer.
 */
import { EN_ORG_WORD } from './org-words.ts';

/** Common single-character surnames, minus characters that are mostly ordinary words (和, 时, 来…). */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓古吉缪简项芦麦褚娄窦戚岑景卜晏卫柏宗瞿桂佟臧闵苟邬边卞姬栾隋刁荣巫寇桑郎甄丛仲虞巩佘苑迟邝匡鞠荆冀郁胥储栗楚鄢谌奚粟冼蔺楼厉仝郜阚朴禹祖漆卿狄晁芮扈阙浦鹿邸雍辜裘亓邰赫杭况逯隆茹诸慕亢嵇湛揭尉檀昝植尧关向' +
  '赖席洪敖仇鄂阎丰贝隗戎韶蓟屠苍闻莘贡逄扶堵宰郦璩濮寿燕郏宦庾暨衡弘禄殳沃蔚夔厍勾訾毋乜蒯竺桓盖傅萧';
/**
 * Surnames that are also everyday words (和, 明, 全, 时, 车, 路…): read only as 赖先生-style
 * "surname + title" after a non-Han character or a particle, never as a full name, so that
 * 我和姐姐, 临时工, 说明总体 stay words.
 */
const AMBIGUOUS_SURNAMES = '和明全应时查路司车连党费米师商沙池麻宫冷习占危巴牧伊束幸印索咸阴劳容慎戈居步满国广权益公养须巢融越利鱼籍暴薄怀宿红乐萨相皮谈虎弓伏晋钮练';
const AMBIGUOUS_TITLES =
  '先生|女士|小姐|太太|总经理|经理|总监|老师|老板|阿姨|叔叔|大姐|大哥|妈妈|爸爸|师傅|医生|律师|主任|院长|校长|店长|厂长|总(?![共结部价额计体算之数裁经是支])|姐(?![姐妹夫])|哥(?![哥们])|工(?![作资厂程人地具业艺期序种会位钱])';
/** Surname + 工 (王工, an engineer) except the words 施工, 童工… */
const NOT_NAMES = new Set(['施工', '童工', '石工', '段工', '钟工', '管工', '包工', '计工']);
const COMPOUND_SURNAMES = '欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|公孙|长孙|宇文|司徒|夏侯|端木|南宫|西门';
/** Titles after a surname, longest first so 叔叔 wins over 叔. */
const TITLES =
  '董事长|总经理|总监|总裁|店长|厂长|行长|所长|站长|主管|组长|老先生|老太太|老板娘|老板|老师|经理|主任|医生|大夫|院长|校长|局长|处长|科长|部长|书记|律师|会计|师傅|先生|女士|小姐|太太|夫人|阿姨|叔叔|伯伯|大伯|婶婶|大妈|大爷|大娘|奶奶|爷爷|姥姥|姥爷|外婆|外公|阿婆|老太|大姐|大哥|妈妈|爸爸|姐|哥|叔|伯|婶|董|工';
/** Titles formal enough that a full name may come before them (王建国先生). */
const FORMAL = '先生|女士|小姐|经理|老师|医生|律师|老板';
/** Characters that cannot be part of a given name: particles, pronouns, common verbs. */
const NOT_GIVEN = '的了是在和跟给说对把被我你他她它们这那个也都就还没不很有要打聊接问让叫请找约去来到过';

const SUR = `(?:${COMPOUND_SURNAMES}|[${SURNAMES}])`;
const GIVEN = `[\\p{Script=Han}--[${NOT_GIVEN}]]`;
/** 总 is a title (张总) but not in 总共, 总是, 总结, 总部, 总价… */
const BOSS = '总(?![共结部价额计体算之数裁])';

/** A full name may only start after a non-Han character or a particle/verb (给王建国先生). */
const BEFORE = '(?<![\\p{Script=Han}--[给和跟与是了户访到找问约打叫位的把被向对说]])';

/** 黄sir, 陈Sir, 李madam: an English title after a Chinese surname. */
const EN_TITLE = '(?:[Ss]ir|SIR|[Mm]adam|MADAM|[Mm]iss)(?![A-Za-z])';
/** Parents and grandparents named by their child's nickname: 乐乐妈妈, 豆豆爸爸, 天天奶奶. */
const KID_PARENT = `${BEFORE}(?<kid>[\\p{Script=Han}--[${NOT_GIVEN}]])\\k<kid>(?:妈妈|爸爸|奶奶|爷爷|外婆|姥姥|外公|姥爷|妈|爸)`;
const ZH_NAME = new RegExp(
  `${BEFORE}${SUR}${GIVEN}{1,2}(?:${FORMAL}|${BOSS})|${SUR}(?:${TITLES}|${BOSS}|${EN_TITLE})|${KID_PARENT}` +
    `|${BEFORE}(?!师[姐哥傅兄弟妹])[${AMBIGUOUS_SURNAMES}](?:${AMBIGUOUS_TITLES}|${EN_TITLE})`,
  'gv',
);
/** Japanese names: 铃木先生, 田中さん, 佐藤様; a common surname list, or kana honorifics. */
const JA_SURNAMES =
  '佐藤|铃木|鈴木|高桥|高橋|田中|伊藤|渡边|渡辺|山本|中村|小林|加藤|吉田|山田|佐佐木|佐々木|山口|松本|井上|木村|清水|山崎|阿部|池田|桥本|橋本|山下|石川|中岛|中島|前田|藤田|小川|后藤|後藤|冈田|岡田|长谷川|長谷川|村上|近藤|石井|斋藤|齐藤|斎藤|坂本|远藤|遠藤|青木|藤井|西村|福田|太田|三浦|藤原|冈本|岡本|松田|中川|中野|原田|小野|田村|竹内|金子|和田|中山|石田|上田|森田|柴田|酒井|工藤|横山|宫崎|宮崎|宫本|宮本|内田|高木|安藤|岛田|島田|谷口|大野|高田|丸山|今井|河野|藤本|村田|武田|上野|杉山|增田|増田|平野|大塚|千叶|千葉|久保|松井|小岛|小島|岩崎|樱井|桜井|野口|松尾|野村|木下|菊地|佐野|大西|杉本|新井|滨田|浜田|菅原|市川|水野|小松|北村|大久保';
const JA_HONORIFIC = 'さん|さま|様|くん|ちゃん';
const JA_NAME = new RegExp(
  `(?:${JA_SURNAMES})(?:先生|女士|小姐|社长|部长|课长|桑|${JA_HONORIFIC})|${BEFORE}${GIVEN}{1,3}(?:${JA_HONORIFIC})|[\\p{Script=Katakana}ー]{2,8}(?:${JA_HONORIFIC})`,
  'gv',
);
/** A two- or three-character name + 先生/女士 at the start of a clause (铃木先生, 欧文先生). */
const CLAUSE_NAME = new RegExp(`(?<![\\p{Script=Han}--[给和跟与是了户访到找问约打叫位把被向对]])${GIVEN}{2,3}(?:先生|女士|小姐)`, 'gv');
const NOT_CLAUSE_NAME = /^(?:这位|那位|一位|各位|客户|老|新客户|老客户|会员|对方|家里|隔壁|前台|秘书|助理|服务员|客服|导购|销售|护士|空姐|接线)/;
/**
 * A full name with no title, opening the log and followed by a phone number or the call's outcome
 * (郭建国 139…, 林晓梅接通, 张三说…): only when nothing else names anyone.
 */
const BARE_FULL_NAME = new RegExp(`^(?:给|跟|和|打给|联系)?(${SUR}${GIVEN}{1,2}?)(?=\\s*\\+?\\d{5}|接通|没接|未接|不接|无人接|关机|占线|说|电话|聊了)`, 'v');
/** A verb or time word right after 小何/老郑 (小何报了…, 老郑买了…, 小张明天…). */
const FAMILIAR_VERB = '[报买办签定订交付续要想觉打发回来去对刚已还又再有是的和跟把被给同答表今明昨]';
const COMMON_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦方白邹孟熊秦邱江薛龚邵严戴莫孔任季赖洪史侯段雷黎';
/** 小王, 老李: only common surnames, and not the start of a longer word (老会员, 小孩). */
const ZH_FAMILIAR = new RegExp(
  `${BEFORE}[小老][${COMMON_SURNAMES}](?=[^\\p{Script=Han}]|[说没不接讲问让很也都在这那电]|${FAMILIAR_VERB}|$)`,
  'gv',
);
/** 阿强, 阿美 (not 阿姨, 阿婆…), and an English name in Chinese text (Kevin签了, Tony哥说): weak cues. */
const ZH_A_NAME = new RegExp(
  `${BEFORE}阿[\\p{Script=Han}--[姨婆公伯叔爸妈哥姐弟妹嫂里拉胶]](?=[说没不接讲问让答签要想觉报买办订交付续])`,
  'gv',
);
const MIXED_EN_NAME = /(?<![A-Za-z])([A-Z][a-z]{2,10}(?:哥|姐|总|老师)?)(?=[说没不接讲问让答签要想觉报买办订交付续])/gu;

const HONORIFIC = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Madam|Mme|Sir)\.?\s+[A-Z][A-Za-z'-]+(?:\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Ltd|Limited|Inc|Corp|Co|LLC|PLC|Group)\b)[A-Z][A-Za-z'-]+)?/g;
const EN_VERB_NAME =
  /\b(?:closed|called|calling|call with|call from|rang|phoned|spoke (?:to|with)|speaking (?:to|with)|talked (?:to|with)|chatted with|chat with|met(?: with)?|visited|emailed|texted|messaged|voicemail for|message for|no answer from|nothing from|heard from|reached|meeting with|followed up with|follow up with|pitched|demo(?:ed)? (?:to|for)|customer|client|lead|prospect|said|says|according to)\s+([A-Za-z][a-z'-]+(?:\s+[A-Za-z][a-z'-]+)?)/gi;
const EN_SUBJECT_NAME =
  /(?:^|[.!?]\s+)([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:said|says|wants|asked|answered|picked up|agreed|signed|bought|paid|didn't|did not|doesn't|does not|isn't|wasn't|hung up|is interested|was interested|will|would|needs|thinks|called back|works|took|replied|confirmed|declined|prefers|likes|liked|loved|requested|wanted|mentioned|promised|sounded)\b/g;
/** "Sam at Northwind Trading said…", "…to Helen at Brightwater Logistics": a name, then where they work. */
const EN_NAME_AT = /^([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:at|from|of)\s+[A-Z]|\b([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:at|from)\s+(?:the\s+)?[A-Z]/g;
/** Tanaka-san, Sato-sama: a Japanese honorific written in English. */
const EN_SAN = /\b[A-Z][a-z]+-(?:san|sama|kun|chan|sensei)\b/g;
/**
 * Weaker English cues, used only when nothing else names anyone: "…the proposal to Helen,",
 * "Number not in service - Kevin Doyle, 020…", "Kevin (Acme) …", "Tom, 5 mins…". The name must
 * not run on into more capitalised words (a product: "for Fleet Tracker Pro").
 */
const EN_NAME_END = String.raw`(?![ \t]*[A-Z])(?=\s*(?:[,.;:!?()]|-\s|$|\s+(?:at|from|of|about|re|regarding|who|and|but|today|tomorrow|yesterday|this|by)\b))`;
const EN_WEAK = [
  new RegExp(String.raw`\b(?:to|with|for)\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)${EN_NAME_END}`, 'g'),
  new RegExp(String.raw`(?:^|\s)[-–—:]\s*([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)(?=\s*(?:[,.;!?(]|$|\d))`, 'g'),
  new RegExp(String.raw`\b([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s*\((?=[A-Z\d+])`, 'g'),
  new RegExp(String.raw`^([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)(?=\s*(?:[,(]|-\s|\d))`, 'g'),
];
/** Capitalised words that are not names: pronouns, days, months, log words, job titles. */
const NOT_A_NAME = new Set(
  (
    'The He She They Him Her Them It We I You His Their This That Our My Your Its There Here A An ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat ' +
    'January February March April May June July August September October November December Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
    'Today Tomorrow Tonight Yesterday Morning Afternoon Evening Noon Week Weekend Month Christmas Easter ' +
    'Customer Client No Left Called Spoke Had Will Call Calls Follow Deal Marked Again Back Later Next Voicemail Nobody Someone Somebody ' +
    'Sales Team Boss Manager Director Head Owner Founder Buyer CEO CFO CTO COO HR IT PA Reception Receptionist Assistant Secretary Accounts Finance Staff Contact Rep ' +
    'Closed Number Line Busy Engaged Interested Lost Won Done Sent Booked Pending Emailed Texted Messaged Rang Phoned Visited Met Tried Try Retry Chase Chased Revisit ' +
    'Demo Demoed Trial Quote Proposal Meeting Lunch Email Visit Order Invoice Payment Contract Price Offer Sample Brochure Update Note Notes Feedback Reply Message Text ' +
    'Lead Referral Intro Training Delivery Support Survey Site Office Zoom Teams Skype WhatsApp WeChat Very Good Great Nice Not Yes Hi Hello Thanks ' +
    'New Old Existing Current Another Also And But So Then Just Still Already Maybe Status Result Outcome Grade Priority Hot Warm Cold Urgent Re FYI Pricing Budget Everything Everyone Everybody Anyone Nothing'
  ).split(' '),
);
/** "Installation at Acme", "Management from…": English nouns, not names. */
const NOUN_ENDING = /.{3}(?:tion|sion|ment|ness|ship)s?$/;

export interface NameMatch {
  name: string;
  start: number;
  end: number;
}

/** All person mentions in order of appearance. */
export function findNames(text: string): NameMatch[] {
  const out: NameMatch[] = [];
  const add = (name: string, start: number) => {
    if (NOT_NAMES.has(name)) return;
    const end = start + name.length;
    if (out.some((n) => start < n.end && n.start < end)) return;
    out.push({ name, start, end });
  };
  const addEnglish = (regexes: RegExp[]) => {
    for (const re of regexes) {
      for (const m of text.matchAll(re)) {
        const found = m[1] ?? m[2]!;
        // The cue is case-insensitive; the name must still be capitalised ("Tom", not "try").
        const words: string[] = [];
        for (const w of found.split(/\s+/)) {
          if (!/^[A-Z]/.test(w) || NOT_A_NAME.has(w) || NOUN_ENDING.test(w)) break;
          words.push(w);
        }
        // "Acme Ltd", "Bayline Freight", "Greenfield Construction": a company, not a person.
        const next = found.split(/\s+/)[words.length];
        if (words.length === 0 || words.some((w) => EN_ORG_WORD.test(w)) || (next !== undefined && EN_ORG_WORD.test(next))) continue;
        add(words.join(' '), m.index + m[0].indexOf(found));
      }
    }
  };
  for (const m of text.matchAll(ZH_NAME)) add(m[0], m.index);
  for (const m of text.matchAll(JA_NAME)) add(m[0], m.index);
  for (const m of text.matchAll(HONORIFIC)) add(m[0].replace(/'s$/, ''), m.index);
  for (const m of text.matchAll(EN_SAN)) add(m[0], m.index);
  addEnglish([EN_VERB_NAME, EN_SUBJECT_NAME, EN_NAME_AT]);
  // Weaker cues only when nothing surer named anyone.
  if (out.length === 0) addEnglish(EN_WEAK);
  // 小马, 老郑: even beside other names (小马是老客户赵姐介绍来的: 赵姐 is the referrer).
  for (const m of text.matchAll(ZH_FAMILIAR)) add(m[0], m.index);
  if (out.length === 0) {
    for (const m of text.matchAll(CLAUSE_NAME)) if (!NOT_CLAUSE_NAME.test(m[0])) add(m[0], m.index);
  }
  if (out.length === 0) for (const m of text.matchAll(ZH_A_NAME)) add(m[0], m.index);
  if (out.length === 0) {
    for (const m of text.matchAll(MIXED_EN_NAME)) if (!NOT_A_NAME.has(m[1]!.replace(/(?:哥|姐|总|老师)$/u, ''))) add(m[1]!, m.index);
  }
  if (out.length === 0) {
    // Not a weekday (周一没接) and not a product (黄金卡电话没人接).
    const bare = BARE_FULL_NAME.exec(text);
    if (bare && !/^周[一二三四五六日天末]/u.test(bare[1]!) && !/[卡包版课班险餐]$/u.test(bare[1]!)) add(bare[1]!, bare.index + bare[0].length - bare[1]!.length);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A mention is a referrer when 介绍/推荐 follows it closely (王阿姨介绍过来的, 孔姐转介绍的). */
export function isReferrer(text: string, n: NameMatch): boolean {
  const after = text.slice(n.end, n.end + 4);
  if (/^(?:转)?(?:介绍|推荐)/.test(after)) return true;
  return /\breferred\b|\brecommended\b|\breferral\b/i.test(text.slice(Math.max(0, n.start - 14), n.start));
}

export function findCustomer(text: string, names: NameMatch[]): string | null {
  const candidates = names.filter((n) => !isReferrer(text, n));
  return (candidates[0] ?? null)?.name ?? null;
}

/** Who referred the customer: the name right before 介绍, or after "referred by". */
export function findReferrer(text: string, names: NameMatch[]): string | null {
  const zh = names.find((n) => /^(?:转)?(?:介绍|推荐)/.test(text.slice(n.end, n.end + 4)));
  if (zh) return zh.name;
  const en = /\b(?:referred by|referral from|recommended by|introduced by)\s+((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)/.exec(text);
  return en ? en[1]! : null;
}
