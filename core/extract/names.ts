/**
 * The person a log is about, as the rep named them: a surname plus a title or kinship term
 * (张总, 李姐, 孙大爷, 王建国先生, 小王) or an English name (Mrs Patel, David Chen).
 * A surname list keeps "和老板" or "完成总结" from reading as names; a referrer (王阿姨介绍的)
 * is not the customer.
 */

/** Common single-character surnames, minus characters that are mostly ordinary words (和, 时, 来…). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓古吉缪简项芦麦褚娄窦戚岑景卜晏卫柏宗瞿桂佟臧闵苟邬边卞姬栾隋刁荣巫寇桑郎甄丛仲虞巩佘苑迟邝匡鞠荆冀郁胥储栗楚鄢谌奚粟冼蔺楼厉仝郜阚朴禹祖漆卿狄晁芮扈阙浦鹿邸雍辜裘亓邰赫杭况逯隆茹诸慕亢嵇湛揭尉檀昝植尧关向';
/** Surname + 工 (王工, an engineer) except the words 施工, 童工… */
const NOT_NAMES = new Set(['施工', '童工', '石工', '段工', '钟工', '管工', '包工', '计工']);
const COMPOUND_SURNAMES = '欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|公孙|长孙|宇文|司徒|夏侯|端木|南宫|西门';
/** Titles after a surname, longest first so 叔叔 wins over 叔. */
const TITLES =
  '董事长|总经理|总监|总裁|店长|厂长|行长|所长|站长|主管|组长|老先生|老太太|老板娘|老板|老师|经理|主任|医生|大夫|院长|校长|局长|处长|科长|部长|书记|律师|会计|师傅|先生|女士|小姐|太太|夫人|阿姨|叔叔|伯伯|大伯|婶婶|大妈|大爷|大娘|奶奶|爷爷|姥姥|姥爷|外婆|外公|阿婆|老太|大姐|大哥|姐|哥|叔|伯|婶|董|工';
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

const ZH_NAME = new RegExp(`${BEFORE}${SUR}${GIVEN}{1,2}(?:${FORMAL}|${BOSS})|${SUR}(?:${TITLES}|${BOSS})`, 'gv');
const COMMON_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦方白邹孟熊秦邱江薛';
/** 小王, 老李: only common surnames, and not the start of a longer word (老会员, 小孩). */
const ZH_FAMILIAR = new RegExp(
  `${BEFORE}[小老][${COMMON_SURNAMES}](?=[^\\p{Script=Han}]|[说没不接讲问让很也都在这那]|$)`,
  'gv',
);

const HONORIFIC = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Madam|Mme|Sir)\.?\s+[A-Z][A-Za-z'-]+(?:\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Ltd|Limited|Inc|Corp|Co|LLC|PLC|Group)\b)[A-Z][A-Za-z'-]+)?/g;
const EN_VERB_NAME =
  /\b(?:called|calling|call with|call from|rang|phoned|spoke (?:to|with)|speaking (?:to|with)|talked (?:to|with)|chatted with|chat with|met(?: with)?|visited|emailed|texted|messaged|voicemail for|message for|no answer from|nothing from|heard from|reached|meeting with|followed up with|follow up with|pitched|demo(?:ed)? (?:to|for)|customer|client|lead|prospect)\s+([A-Za-z][a-z'-]+(?:\s+[A-Za-z][a-z'-]+)?)/gi;
const EN_SUBJECT_NAME =
  /(?:^|[.!?]\s+)([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:said|says|wants|asked|answered|picked up|agreed|signed|bought|paid|didn't|did not|doesn't|does not|isn't|wasn't|hung up|is interested|was interested|will|would|needs|thinks|called back)\b/g;
/** "Sam at Northwind Trading said…": a name opening the log, then where they work. */
const EN_NAME_AT = /^([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:at|from|of)\s+[A-Z]/g;
const NOT_A_NAME = new Set([
  'The', 'He', 'She', 'They', 'Him', 'Her', 'Them', 'It', 'We', 'I', 'You', 'His', 'Their', 'This', 'That',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Today', 'Tomorrow',
  'Customer', 'Client', 'No', 'Left', 'Called', 'Spoke', 'Had', 'Will', 'Call', 'Follow', 'Deal', 'Marked',
  'Again', 'Back', 'Later', 'Next', 'Him', 'Voicemail', 'Nobody', 'Someone', 'Sales', 'Team', 'Boss', 'Manager',
]);
const COMPANY_WORD = /^(?:Ltd|Limited|Inc|Corp|Co|LLC|PLC|Group|Logistics|Technologies|Tech|Foods|Holdings|Trading|Solutions|Consulting)$/;

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
  for (const m of text.matchAll(ZH_NAME)) add(m[0], m.index);
  for (const m of text.matchAll(HONORIFIC)) add(m[0].replace(/'s$/, ''), m.index);
  for (const re of [EN_VERB_NAME, EN_SUBJECT_NAME, EN_NAME_AT]) {
    for (const m of text.matchAll(re)) {
      // The cue is case-insensitive; the name must still be capitalised ("Tom", not "try").
      const words: string[] = [];
      for (const w of m[1]!.split(/\s+/)) {
        if (!/^[A-Z]/.test(w) || NOT_A_NAME.has(w) || COMPANY_WORD.test(w)) break;
        words.push(w);
      }
      if (words.length === 0) continue;
      const name = words.join(' ');
      add(name, m.index + m[0].indexOf(m[1]!));
    }
  }
  if (out.length === 0) for (const m of text.matchAll(ZH_FAMILIAR)) add(m[0], m.index);
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
