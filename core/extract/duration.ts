/**
 * Talk time in minutes: 8分钟, 半个小时, 一个半小时, 1小时20分钟, 十几分钟 (→ 15),
 * 一刻钟 (15) / 三刻钟 (45), 一个钟 / 半个钟 (colloquial hour), 个把小时 (about an hour),
 * "12 min", "a 9-minute chat", "half an hour". "一个小时后", "过半小时" and "in 2 hours" are
 * times, not talk.
 */
import { EN_COUNT, parseCount } from '../time/numerals.ts';

const ZH_COUNT = '\\d+(?:\\.\\d+)?|十几|几十|个把|[零一二两三四五六七八九十]+|半|几';
const ZH = new RegExp(
  // Each optional part carries its own space: six bare \\s* in a row backtrack without end on a
  // run of spaces. 过 before a time means "after" (过15分钟再打, 过半小时再联系) unless it ends a talk
  // verb (谈过一个小时); a number is read whole (not the 5 of 15).
  `(?<!(?<![超不经通谈聊讲])过\\s{0,2})(?<![\\d零一二两三四五六七八九十几])(${ZH_COUNT})(?:\\s*来)?(?:\\s*(多))?(?:\\s*(个))?(?:\\s*(半))?(?:\\s*(多))?\\s*(小时|钟头|分钟|刻钟|钟(?![头点]))(?:\\s*(${ZH_COUNT})\\s*(?:分钟|分))?(?!\\s*(?:后|以后|之后|内|左右后))`,
  'g',
);
const EN = new RegExp(
  `(?<!\\bin\\s)(?<!\\bin\\s(?:a|an)\\s)(?<!\\bquarters?\\sof\\s)\\b(${EN_COUNT})\\s*-?\\s*(hours?|hrs?|h|minutes?|mins?)\\b(\\s+and\\s+a\\s+half\\b|,?\\s*(?:and\\s+)?(\\d{1,2})\\s*(?:minutes?|mins?|m)\\b)?(?!\\s*(?:later|from now|ago))`,
  'gi',
);

/** "a quarter of an hour" (15), "three quarters of an hour" (45). */
const EN_QUARTER = /\b(a|one|three)\s+quarters?\s+of\s+an\s+hour\b(?!\s*(?:later|from now|ago))/gi;

/** First stated talk time; the one after 聊/通话/talk wins over others. */
export function findDuration(text: string): { minutes: number; start: number; end: number } | null {
  const found: Array<{ minutes: number; start: number; end: number }> = [];
  for (const m of text.matchAll(ZH)) {
    const n = m[1] === '个把' ? 1 : parseCount(m[1]!);
    const unit = m[6]!;
    if (n === null || (unit === '钟' && !m[3])) continue; // 钟 alone is an hour only as 个钟
    const perUnit = unit === '分钟' ? 1 : unit === '刻钟' ? 15 : 60;
    let minutes = n * perUnit;
    if (m[4]) minutes += perUnit === 1 ? 0.5 : perUnit / 2;
    if (m[2] || m[5]) minutes += perUnit === 60 ? 30 : perUnit === 1 && n >= 10 ? 5 : 0;
    if (m[7]) minutes += parseCount(m[7]) ?? 0;
    found.push({ minutes, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(EN_QUARTER)) {
    if (/\bin\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index))) continue; // "in a quarter of an hour" is a time
    found.push({ minutes: m[1]!.toLowerCase() === 'three' ? 45 : 15, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(EN)) {
    const n = parseCount(m[1]!);
    if (n === null) continue;
    const unit = m[2]!.toLowerCase();
    if (unit === 'm' && n > 180) continue;
    const perUnit = unit.startsWith('h') ? 60 : 1;
    // "an hour and a half", "1 hour 20 mins"
    const extra = m[4] ? Number(m[4]) : m[3] ? perUnit / 2 : 0;
    const minutes = n * perUnit + (perUnit === 60 ? extra : 0);
    found.push({ minutes, start: m.index, end: m.index + m[0].length });
  }
  const plausible = found.filter((f) => f.minutes > 0 && f.minutes <= 600);
  if (plausible.length === 0) return null;
  const talk = plausible.find((f) => /聊|通话|谈|打了|讲了|talk|spoke|chat|call|for\s*$/i.test(text.slice(Math.max(0, f.start - 6), f.start)));
  const best = talk ?? plausible.sort((a, b) => a.start - b.start)[0]!;
  return { ...best, minutes: Math.round(best.minutes) };
}
