/**
 * Talk time in minutes: 8分钟, 半个小时, 一个半小时, 1小时20分钟, 十几分钟 (→ 15),
 * "12 min", "a 9-minute chat", "half an hour". "一个小时后" and "in 2 hours" are times, not talk.
 */
import { EN_COUNT, parseCount } from '../time/numerals.ts';

const ZH_COUNT = '\\d+(?:\\.\\d+)?|十几|几十|[零一二两三四五六七八九十]+|半|几';
const ZH = new RegExp(
  `(${ZH_COUNT})\\s*(多)?\\s*个?\\s*(半)?\\s*(多)?\\s*(小时|钟头|分钟)(?:\\s*(${ZH_COUNT})\\s*(?:分钟|分))?(?!\\s*(?:后|以后|之后|内|左右后))`,
  'g',
);
const EN = new RegExp(
  `(?<!\\bin\\s)(?<!\\bin\\s(?:a|an)\\s)\\b(${EN_COUNT})\\s*-?\\s*(hours?|hrs?|h|minutes?|mins?)\\b(?!\\s*(?:later|from now|ago))`,
  'gi',
);

/** First stated talk time; the one after 聊/通话/talk wins over others. */
export function findDuration(text: string): { minutes: number; start: number; end: number } | null {
  const found: Array<{ minutes: number; start: number; end: number }> = [];
  for (const m of text.matchAll(ZH)) {
    const n = parseCount(m[1]!);
    if (n === null) continue;
    const hours = m[5] !== '分钟';
    let minutes = hours ? n * 60 : n;
    if (m[3]) minutes += hours ? 30 : 0.5;
    if (m[2] || m[4]) minutes += hours ? 30 : n >= 10 ? 5 : 0;
    if (m[6]) minutes += parseCount(m[6]) ?? 0;
    found.push({ minutes, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(EN)) {
    const n = parseCount(m[1]!);
    if (n === null) continue;
    const unit = m[2]!.toLowerCase();
    if (unit === 'm' && n > 180) continue;
    const minutes = unit.startsWith('h') ? n * 60 : n;
    found.push({ minutes, start: m.index, end: m.index + m[0].length });
  }
  const plausible = found.filter((f) => f.minutes > 0 && f.minutes <= 600);
  if (plausible.length === 0) return null;
  const talk = plausible.find((f) => /聊|通话|谈|打了|讲了|talk|spoke|chat|call|for\s*$/i.test(text.slice(Math.max(0, f.start - 6), f.start)));
  const best = talk ?? plausible.sort((a, b) => a.start - b.start)[0]!;
  return { ...best, minutes: Math.round(best.minutes) };
}
