/**
 * Deal value in the currency written: 3680, 3千, 1.2万, ¥6,800, 6800元, 两万, 三千六百八.
 * Numbers that are counts, discounts or parts of dates and durations are not amounts; the
 * caller has already blanked phones, times and durations.
 */
import { parseCnInt } from '../time/numerals.ts';

const ARABIC = /([¥$£€]|RMB|CNY|USD|GBP|HKD|HK\$)?\s*(?<![\d.])(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)(?!\d|,\d{3}(?!\d))\s*(?:(万|千|[kKwW](?![a-zA-Z]))(\d(?![\d.]))?)?\s*(元|块钱?|rmb|RMB|yuan|dollars?|pounds?|quid|bucks)?/g;
const CHINESE = /((?:[一二两三四五六七八九十]+[十百千万]+零?)+[一二两三四五六七八九]?)\s*(元|块钱?)?(?![别不要记])/g;
/** What follows a number that is not money: counts, instalments, ratings, dates. */
const NOT_MONEY_AFTER = /^\s*(?:分钟|分|期|天|个|次|岁|%|折|点|号|日|月|年|周|小时|人|张|份|台|位|星|楼|套|件|min|day|week|month|year|hour|instal|install|payment|time|star|people|pm|am|th\b|st\b|nd\b|rd\b|-|:|\/)/i;
/** A price per period or per unit is still the price: ¥6,800/年, 6800/月, 99/人, $99/month. */
const PER_UNIT_AFTER = /^\s*(?:\/|每)\s*(?:年|月|季度?|人|位|台|套|个|户|账号|年度|半年|year|yr|annum|month|mo|quarter|user|seat|head|person|unit|licen[cs]e)/i;
/** What comes before a number that is not the deal value: discounts, rivals' prices, ordinals. */
const NOT_MONEY_BEFORE = /(?:分|第|减了?|优惠了?|便宜了?|少了?|省了?|打|降了?|返了?|送了?|抵了?|才|只要|off|discount of|save[sd]?|instead of|was|原价)\s*$/i;

interface Candidate {
  value: number;
  marked: boolean; // has a currency sign or unit
  at: number;
}

export function findAmount(text: string): number | null {
  const cands: Candidate[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const numStart = m.index + m[0].indexOf(m[2]!);
    // The tail of a thousands group (the 800 of 6,800) is not a number of its own; after a comma
    // that only separates (365，8800元: NFKC made the full-width comma ASCII) it is.
    if (/\d,$/.test(text.slice(Math.max(0, numStart - 2), numStart)) && /^\d{3}$/.test(m[2]!)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    const before = text.slice(Math.max(0, numStart - 10), numStart).replace(/[¥$£€]\s*$/, '');
    const marked = Boolean(m[1] || m[3] || m[5]);
    const perUnit = PER_UNIT_AFTER.test(after);
    if (!m[3] && !m[5] && !perUnit && NOT_MONEY_AFTER.test(after)) continue;
    if (NOT_MONEY_BEFORE.test(before)) continue;
    let value = Number(m[2]!.replace(/,/g, ''));
    const unit = m[3]?.toLowerCase();
    // 3千8 = 3800, 1万5 = 15000: a digit after the unit is the next place down.
    const tail = m[4] ? Number(m[4]) : 0;
    if (unit === '万' || unit === 'w') value = value * 10000 + tail * 1000;
    else if (unit === '千' || unit === 'k') value = value * 1000 + tail * 100;
    if (!Number.isFinite(value) || value <= 0 || value > 1e9) continue;
    if (!marked && value < 100) continue;
    cands.push({ value: Math.round(value * 100) / 100, marked: marked || perUnit, at: m.index });
  }
  for (const m of text.matchAll(CHINESE)) {
    if (!/[百千万]/.test(m[1]!)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (!m[2] && !PER_UNIT_AFTER.test(after) && NOT_MONEY_AFTER.test(after)) continue;
    if (NOT_MONEY_BEFORE.test(before)) continue;
    const value = parseCnInt(m[1]!);
    if (value === null || value < 100) continue;
    cands.push({ value, marked: Boolean(m[2]), at: m.index });
  }
  if (cands.length === 0) return null;
  const pool = cands.some((c) => c.marked) ? cands.filter((c) => c.marked) : cands;
  return pool.sort((a, b) => a.at - b.at)[pool.length - 1]!.value;
}
