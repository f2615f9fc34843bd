/**
 * The next contact: a time expression that sits next to a follow-up cue (再打, 回访, 跟进,
 * 约了, call back, follow up, try again). A time with no such cue ("今天上门拜访了", "周末有空
 * 看看") is not a follow-up. Of several, the one closest to a cue wins; past times never do.
 */
import type { FoundTime } from '../time/resolve.ts';

const CUE =
  /再[^,.;!?。]{0,3}(?:确认|联系|聊|谈|沟通|打|问|约|见)|再(?:打|拨|联系|跟进|回访|问|聊|谈|确认|试|约|沟通|看|说|找|去|来|call|发)|回访|跟进|回电|复访|打(?:给|过去|电话)|联系|约了|约好|约在|约|见面|拜访|上门|提醒|演示|培训|安装|签约|签合同|送货|面谈|到店|来店|预约|\bcall (?:him|her|them|back|again|me)\b|\bcall-?back\b|\bring (?:him|her|them|back|again)\b|\bfollow[- ]?up\b|\btry (?:again|him|her|them)\b|\bcheck (?:back|in)\b|\breach out\b|\btouch base\b|\bget back to\b|\bremind\b|\bmeet(?:ing)?\b|\bvisit\b|\bonboarding\b|\bdemo\b|\bkick-?off\b|\btraining\b|\bappointment\b|\bbook(?:ed)?\b|\bscheduled?\b|\bspeak again\b|\bchat again\b/gi;
/** 别再打了 is the opposite of a follow-up. */
const NEGATED = /(?:别|不要|不用|不必|没必要|不再|不想|别让)\s*$/;
/** 拜访了 / 联系过 report what happened; only a plan is a follow-up. */
const PAST_CUE = /^(?:拜访|上门|见面|联系|打给|打过去|打电话|演示|培训|安装|签约|签合同|送货|面谈|到店|来店)/;
const DONE = /^[^,.;!?。]{0,3}[了过]/;
/** The furthest a cue may sit from the time it goes with (characters between them). */
const MAX_GAP = 24;

/** `times` are the expressions found in `text` (resolve.ts findTimes). */
export function findFollowUp(text: string, times: FoundTime[], now: Date): Date | null {
  const cues = [...text.matchAll(CUE)]
    .filter((m) => !NEGATED.test(text.slice(Math.max(0, m.index - 3), m.index)))
    .filter((m) => !(PAST_CUE.test(m[0]) && DONE.test(text.slice(m.index + m[0].length))))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (cues.length === 0) return null;
  let best: { t: FoundTime; gap: number } | null = null;
  for (const t of times) {
    if (t.at.getTime() < now.getTime() - 60_000) continue;
    for (const c of cues) {
      const gap = c.start >= t.end ? c.start - t.end : t.start >= c.end ? t.start - c.end : 0;
      if (gap > MAX_GAP) continue;
      if (!best || gap < best.gap || (gap === best.gap && t.start > best.t.start)) best = { t, gap };
    }
  }
  return best?.t.at ?? null;
}
