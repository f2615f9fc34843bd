/**
 * First cut of every message: is it a command, a call log, a question, or something else?
 * Deterministic and cheap; it scores cue words so that "客户说要商量怎么回" (a question that
 * mentions a customer) and "张总没接,明天再打" (a log) land where a person would put them.
 */

export type Intent = 'command' | 'call_log' | 'question' | 'other';

export interface Classification {
  intent: Intent;
  /** For call_log/question: true when the other reading was nearly as likely (ask the user). */
  unsure: boolean;
}

const COMMAND = /^[/／]\S/;

/** Words that report something that happened on a call or visit, or promise the next contact. */
const CALL_CUES: RegExp[] = [
  /打(了|过|给|完)?.{0,6}电话|打给|打过去|拨(了|打)|回电/,
  /没(人)?接|未接|不接|无人接听|接通|占线|忙音|空号|停机|关机|挂(了|断)|拒接|通话|聊了|谈了|沟通了/,
  /拜访|上门|见(了|面)|面谈|约(了|见)|到店|来访/,
  /成交|签(了|约|单)|下单|付(了)?款|定了|订了|买了|办了|续(费|卡)|交了?定金/,
  /(再|重新)(打|联系|跟进|回访)|回访|跟进|下次联系/,
  /\b(called|rang|phoned|dialed|spoke|talked|chatted|visited|met)\b/i,
  /\b(no answer|voicemail|hung up|busy|wrong number|not reachable|signed( up)?|closed the deal|call (him|her|them) back|follow up)\b/i,
];
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\+?\d[\d -]{8,}\d(?!\d)/;
const DURATION = /\d+\s*(分钟|分|min|mins|minutes)|十几分钟|半(个)?小时/i;

/** Words that ask for help or information. */
const QUESTION_CUES: RegExp[] = [
  /[?？]\s*$/,
  /怎么|怎样|如何|咋|为什么|为啥|什么|啥|哪(个|些|种|里)?|多少|几(个|次|天|种)|吗\s*$|呢\s*$/,
  /能不能|可不可以|可以吗|有没有|是不是|要不要|该不该|差在哪|区别|应该/,
  /^(how|what|why|when|which|where|who|can|could|should|is|are|do|does)\b/i,
  /\b(how (do|can|should)|what('s| is| are| do)|any tips|best way)\b/i,
];

const SMALL_TALK = /^(你好|您好|嗨|在吗|在不在|谢谢|多谢|好的?|嗯+|哦+|哈+|呵+|ok(ay)?|thanks?( you)?|thx|hi|hello|hey|yes|no|good (morning|night)|早(上好|安)?|晚安)[\s!！。.~～]*$/i;
/** At least two letters or characters of real text (not only emoji, digits or punctuation). */
const MEANINGFUL = /[\p{Script=Han}A-Za-z].*[\p{Script=Han}A-Za-z]/su;

export function classify(text: string): Classification {
  const t = text.trim();
  if (COMMAND.test(t)) return { intent: 'command', unsure: false };
  if (!t) return { intent: 'other', unsure: false };

  let call = CALL_CUES.reduce((n, re) => n + (re.test(t) ? 1 : 0), 0);
  if (PHONE.test(t)) call += 1;
  if (DURATION.test(t)) call += 1;
  const question = QUESTION_CUES.reduce((n, re) => n + (re.test(t) ? 1 : 0), 0);

  if (call === 0 && question === 0) {
    // A situation described without a question word ("客户怀疑我是骗子") is still for the knowledge
    // base, which says so when it has no answer; only small talk is "other".
    return { intent: SMALL_TALK.test(t) || !MEANINGFUL.test(t) ? 'other' : 'question', unsure: false };
  }
  if (call > question) return { intent: 'call_log', unsure: call - question < 2 && question > 0 };
  if (question > call) return { intent: 'question', unsure: question - call < 2 && call > 0 };
  // A tie: a log rarely ends with a question mark; a question rarely carries a phone number.
  return { intent: /[?？]\s*$/.test(t) ? 'question' : 'call_log', unsure: true };
}
