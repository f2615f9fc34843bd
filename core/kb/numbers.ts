/**
 * Numbers as people say and write them: "一万二", "三千多", "¥12,800", "1980元". Prices in a question
 * are colloquial and rounded, so matching uses the leading one or two significant digits:
 * "一万二那张卡" finds the ¥12,800 card, "一千出头" finds prices from 1,000 to 1,999.
 */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };

/** Han numerals with at least one unit character (十百千万亿): bare 三/四 are usually names (三星卡). */
const HAN_NUMBER = /[零〇一二两俩三四五六七八九十百千万亿]*[十百千万亿][零〇一二两俩三四五六七八九十百千万亿]*/gu;

/** Value of a Han numeral, including the spoken abbreviation 一万二 = 12,000, 三千五 = 3,500. */
export function hanToNumber(s: string): number | null {
  let total = 0; // finished 万/亿 sections
  let section = 0; // current section below 万
  let digit: number | null = null;
  let lastUnit = 0;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch] ?? 0;
    } else if (ch in UNIT) {
      const unit = UNIT[ch] ?? 1;
      if (unit >= 10_000) {
        total = (total + section + (digit ?? 0)) * unit || unit;
        section = 0;
      } else {
        section += (digit ?? 1) * unit; // 十二 = 12: a unit without a digit means one of it
      }
      digit = null;
      lastUnit = unit;
    } else return null;
  }
  // Trailing digit after a unit is one order below it: 一万二 → 12,000, 三百五 → 350.
  if (digit !== null) section += lastUnit >= 10 ? (digit * lastUnit) / 10 : digit;
  const value = total + section;
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Rewrites Han numerals with units to Arabic digits and drops thousands separators. */
export function normaliseNumbers(text: string): string {
  return text
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    // Ordinals: "第三天" = "第3天" (a bare 三 stays: it is usually part of a name such as 三星卡).
    .replace(/第([一二两三四五六七八九])(?![十百千万亿])/gu, (_, d: string) => `第${DIGIT[d] ?? d}`)
    .replace(HAN_NUMBER, (m) => {
      const n = hanToNumber(m);
      return n === null ? m : String(n);
    });
}

/**
 * Rounded forms of a number for matching: 12800 → ["#1e4", "#12e3"], 3000 → ["#3e3"].
 * Only amounts ≥ 100 (prices, counts of people) get them; small numbers stay plain words.
 */
export function numberKeys(n: number): string[] {
  if (!(n >= 100) || !Number.isFinite(n)) return [];
  const exp = Math.floor(Math.log10(n));
  const one = Math.floor(n / 10 ** exp);
  const keys = [`#${one}e${exp}`];
  const two = Math.floor(n / 10 ** (exp - 1));
  // "三千多" (3000) says nothing beyond its first digit; 3680 or a spoken 一万二 (12000) does.
  if (two % 10 !== 0) keys.push(`#${two}e${exp - 1}`);
  // Prices just under a round number are said as that number: ¥3,999 is "四千", ¥899 "九百".
  const up = Math.ceil(n / 10 ** (exp - 1)) * 10 ** (exp - 1);
  if (up !== n && (up - n) / n <= 0.01) {
    const upExp = Math.floor(Math.log10(up));
    const upOne = Math.floor(up / 10 ** upExp);
    const upTwo = Math.floor(up / 10 ** (upExp - 1));
    if (upTwo % 10 === 0) keys.push(`#${upOne}e${upExp}`);
    else keys.push(`#${upTwo}e${upExp - 1}`);
  }
  return [...new Set(keys)];
}
