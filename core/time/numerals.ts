/**
 * Numbers as reps type them: Arabic digits, Chinese numerals (三, 十五, 两, 三千六百八, 一万二)
 * and English number words (two, a couple of). Shared by the time resolver and the extractor.
 */

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that may form a Chinese numeral (for building regexes). */
export const CN_NUM_CHARS = '零〇一二两俩三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟';

/** One section below 万: 三千六百八 → 3680 (a trailing digit after a unit is one unit lower). */
function cnSection(s: string): number | null {
  if (!s) return 0;
  let total = 0;
  let pending: number | null = null;
  let lastUnit = 0;
  let afterZero = false;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      if (d === 0) afterZero = true;
      else pending = d;
      continue;
    }
    const u = CN_UNITS[ch];
    if (u === undefined) return null;
    total += (pending ?? 1) * u;
    pending = null;
    lastUnit = u;
    afterZero = false;
  }
  if (pending !== null) total += lastUnit >= 100 && !afterZero ? pending * (lastUnit / 10) : pending;
  return total;
}

/** Parses a Chinese numeral (integer); null when it is not one. */
export function parseCnInt(s: string): number | null {
  if (!s) return null;
  const parts = s.split('万');
  if (parts.length > 2) return null;
  if (parts.length === 1) return cnSection(s);
  const high = cnSection(parts[0] ?? '');
  if (high === null) return null;
  const lowText = parts[1] ?? '';
  // 一万二 means 12000: a lone digit after 万 counts thousands.
  const low = lowText.length === 1 && CN_DIGITS[lowText] !== undefined ? CN_DIGITS[lowText]! * 1000 : cnSection(lowText);
  if (low === null) return null;
  return (parts[0] === '' ? 1 : high) * 10000 + low;
}

const EN_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'a couple of': 2, 'couple of': 2,
  'a couple': 2, 'a few': 3, few: 3, half: 0.5, 'half an': 0.5, 'half a': 0.5,
};

/** Regex source for an English count ("2", "two", "a couple of"). */
export const EN_COUNT = '(?:\\d+(?:\\.\\d+)?|a couple of|couple of|a couple|a few|few|half an|half a|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty)';

/** Parses any count: digits, Chinese numerals, 几 (a few → 3), English words. */
export function parseCount(s: string): number | null {
  const t = s.trim().toLowerCase();
  if (!t) return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t in EN_WORDS) return EN_WORDS[t]!;
  if (t === '几' || t === '若干') return 3;
  if (t === '半') return 0.5;
  if (t === '十几') return 15;
  return parseCnInt(t);
}
