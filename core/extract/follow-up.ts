/**
 * The next contact: a future time expression attached to a contact verb, before or after it
 * (再打, 回个电话, 回访, 跟进, 约了, 面诊; call back, retry, try next Wednesday, chase, revisit,
 * ring her tomorrow). A time with no such verb ("今天上门拜访了", "周末有空看看", "contract ends
 * next year", "abroad until Monday") is not a follow-up. Of several, the one closest to a verb
 * wins; past times never do.
 */
import type { FoundTime } from '../time/resolve.ts';

/** Chinese contact verbs and the appointments a rep books (面诊, 试驾, 量房…). */
const ZH_CUE =
  '再[^,.;!?。]{0,3}(?:确认|联系|聊|谈|沟通|打|问|约|见)|再(?:打|拨|联系|跟进|回访|问|聊|谈|确认|试|约|沟通|看|说|找|去|来|call|发)|' +
  '回访|跟进|回电|复访|打(?:给|过去|电话)|(?:回|打|去|拨|通)(?:个|一个|一通|一下)?电话|联系|约了|约好|约在|约|见面|拜访|上门|提醒|' +
  '演示|培训|安装|签约|签合同|送货|面谈|到店|来店|预约|答复|回复|回话|催(?:一下|一催)?|' +
  '面诊|复诊|试听|试课|试驾|看房|量房|勘察|测量|考察|参观|过去找|找(?:他|她|对方|客户)';
/**
 * English contact verbs. A bare verb (call, try, ring, chase…) counts when it is not a noun:
 * "a 10 min call", "the call", "phone call" are talk, not a plan. Past forms (called, tried)
 * never match.
 */
const EN_VERB = 'call|ring|phone|try|re-?try|chase|revisit|re-?contact|contact|ping|nudge|text|e-?mail|message|reconnect';
const NOUN_BEFORE = '(?<!\\b(?:a|an|the|this|that|his|her|their|our|my|your|phone|sales|cold|intro|video|zoom|voice|first|second|last|left|leave|sent|got|no|min|mins|minute|minutes|hour|hours|hr|hrs|\\d+)[\\s-]+)';
/** "phone number", "call dropped at 3pm": the word names a thing, not a plan. */
const NOUN_AFTER = '(?![\\s-]+(?:numbers?|no\\b|calls?|list|log|lasted|went|was|is|details|info|dropped|failed|ended|cut|got|messages?|left|sent|notes?|recording)\\b)';
const EN_CUE =
  `${NOUN_BEFORE}\\b(?:${EN_VERB})\\b${NOUN_AFTER}|\\b(?:speak|talk|chat) (?:again|to (?:him|her|them)|with (?:him|her|them))\\b|\\bcall-?back\\b|\\bfollow[- ]?up\\b|\\bcheck (?:back|in)\\b|\\breach out\\b|\\btouch base\\b|` +
  '\\bcircle back\\b|\\bcatch up\\b|\\bget back to\\b|\\bremind(?:er)?\\b|\\bmeet(?:ing)?\\b|\\bvisit\\b|\\bonboarding\\b|\\bdemo\\b|' +
  '\\bkick-?off\\b|\\btraining\\b|\\bappointment\\b|\\bbook(?:ed)?\\b|\\bscheduled?\\b|\\bsite (?:visit|survey)\\b|\\bnext (?:call|meeting|contact|step)\\b';
const CUE = new RegExp(`${ZH_CUE}|${EN_CUE}`, 'gi');
/** 别再打了 / "asked us not to call" is the opposite of a follow-up. */
const NEGATED = /(?:别|不要|不用|不必|没必要|不再|不想|别让|\bnot(?: to)?|n't|\bnever|\bno need to)\s*$/i;
/** 拜访了 / 联系过 report what happened; only a plan is a follow-up. */
const PAST_CUE = /^(?:拜访|上门|见面|联系|打给|打过去|打电话|演示|培训|安装|签约|签合同|送货|面谈|到店|来店|回复|答复|面诊|复诊|试听|试课|试驾|看房|量房|勘察|测量|考察|参观|催)/;
const DONE = /^[^,.;!?。]{0,3}[了过]/;
/** "The meeting on Thursday went well": an English cue whose clause says it already happened. */
const EN_DONE = /^[^,.;!?。]{0,30}\b(?:went|ended|happened|lasted|took place)\b/i;
/** The furthest a cue may sit from the time it goes with (characters between them). */
const MAX_GAP = 24;

/** `times` are the expressions found in `text` (resolve.ts findTimes). */
export function findFollowUp(text: string, times: FoundTime[], now: Date): Date | null {
  // A cue that reports the past (拜访了) or refuses (别再打) still claims the time next to it:
  // in "下午上门拜访了孙总，面谈1小时" the 下午 is when the visit happened, not the next contact.
  const cues = [...text.matchAll(CUE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    plan:
      !NEGATED.test(text.slice(Math.max(0, m.index - 12), m.index)) &&
      !(PAST_CUE.test(m[0]) && DONE.test(text.slice(m.index + m[0].length))) &&
      !(/^[a-z]/i.test(m[0]) && EN_DONE.test(text.slice(m.index + m[0].length))),
  }));
  if (!cues.some((c) => c.plan)) return null;
  let best: { t: FoundTime; gap: number } | null = null;
  for (const t of times) {
    if (t.at.getTime() < now.getTime() - 60_000) continue;
    const gaps = cues.map((c) => ({ plan: c.plan, gap: c.start >= t.end ? c.start - t.end : t.start >= c.end ? t.start - c.end : 0 }));
    const nearest = Math.min(...gaps.map((g) => g.gap));
    if (nearest > MAX_GAP || !gaps.some((g) => g.plan && g.gap === nearest)) continue;
    if (!best || nearest < best.gap || (nearest === best.gap && t.start > best.t.start)) best = { t, gap: nearest };
  }
  return best?.t.at ?? null;
}
