/**
 * Resolves time expressions in a rep's message to instants, against `now` in the rep's IANA
 * zone. Chinese and English rules find pieces (a day, a time of day, an instant); adjacent
 * pieces join (下周二 + 下午3点). English the rules do not cover falls back to chrono-node,
 * fed the zone's wall clock so the process time zone never matters.
 */
// The English locale only: loading every locale of chrono-node costs a fifth of a second per start.
import { casual as chronoEn } from 'chrono-node/en';
import type { DateTime } from 'luxon';
import { inZone } from './calendar.ts';
import { EN_RULES } from './en.ts';
import { collectPieces, PERIOD_HOUR, type Period, type Piece } from './pieces.ts';
import { ZH_RULES } from './zh.ts';

export interface ResolvedTime {
  at: Date;
  matched: string; // the substring it came from
}

export interface ResolveOptions {
  now: Date;
  timeZone: string;
  defaultHour?: number;
}

/** A resolved expression with its place in the text (the extractor pairs it with cue words). */
export interface FoundTime extends ResolvedTime {
  start: number;
  end: number;
}

/** Longer messages are cut: no rep writes a follow-up time 2,000 characters in. */
const MAX_SCAN = 2000;
/** What may stand between two pieces of one expression: "周五 下午", "tomorrow at 11", "明天的下午". */
const JOIN_GAP = /^[\s,，、的]*(?:at|@|around|about|by|on|in the|this|,)?[\s,，]*$/i;

/** Every time expression in the text, in order of appearance. */
export function findTimes(text: string, opts: ResolveOptions): FoundTime[] {
  try {
    const scan = normalizeForScan(text.slice(0, MAX_SCAN));
    const now = inZone(opts.now, opts.timeZone);
    const defaultHour = opts.defaultHour ?? 10;
    const pieces = collectPieces(scan, [...ZH_RULES, ...EN_RULES]);
    const found: FoundTime[] = [];
    for (const group of groupPieces(scan, pieces)) {
      const at = resolveGroup(group, now, defaultHour);
      if (!at) continue;
      const start = group[0]!.start;
      const end = group[group.length - 1]!.end;
      found.push({ at: at.toJSDate(), matched: text.slice(start, end), start, end });
    }
    if (found.length === 0 && /[a-z]/i.test(scan)) {
      const viaChrono = withChrono(scan, text, now, defaultHour);
      if (viaChrono) found.push(viaChrono);
    }
    return found;
  } catch {
    return []; // a message must never break the bot
  }
}

/** The time the message talks about: the last expression (logs end with the next step). */
export function resolveTime(text: string, opts: ResolveOptions): ResolvedTime | null {
  const all = findTimes(text, opts);
  const last = all[all.length - 1];
  return last ? { at: last.at, matched: last.matched } : null;
}

/** Full-width digits and colons to ASCII, one for one, so positions stay valid. */
function normalizeForScan(s: string): string {
  return s.replace(/[０-９：]/g, (c) => (c === '：' ? ':' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Joins neighbouring pieces: at most one day, times of day refine each other. */
function groupPieces(text: string, pieces: Piece[]): Piece[][] {
  const groups: Piece[][] = [];
  for (const p of pieces) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    const joinable =
      g && prev && p.type !== 'instant' && !g.some((q) => q.type === 'instant') &&
      JOIN_GAP.test(text.slice(prev.end, p.start)) &&
      !(p.type === 'date' && g.some((q) => q.type === 'date')) &&
      !(p.type === 'time' && p.hour !== null && g.some((q) => q.type === 'time' && q.hour !== null));
    if (joinable) g.push(p);
    else groups.push([p]);
  }
  return groups;
}

function resolveGroup(group: Piece[], now: DateTime, defaultHour: number): DateTime | null {
  const inst = group.find((p) => p.type === 'instant');
  if (inst?.type === 'instant') return inst.at(now);

  let day: DateTime | null = null;
  let isToday = false;
  let period: Period | null = null;
  let hour: number | null = null;
  let minute = 0;
  let meridiem: 'am' | 'pm' | undefined;
  let hasDate = false;
  for (const p of group) {
    if (p.type === 'date') {
      hasDate = true;
      day = p.day(now);
      isToday = p.today === true;
      period ??= p.period ?? null;
    } else if (p.type === 'time') {
      if (p.period) period = p.period;
      if (p.hour !== null && hour === null) {
        hour = p.hour;
        minute = p.minute;
        meridiem = p.meridiem;
      }
    }
  }
  if (hasDate && !day) return null;

  const h = hour === null ? (period ? PERIOD_HOUR[period] : defaultHour) : clockHour(hour, period, meridiem);
  const base = day ?? now.startOf('day');
  let at = base.set({ hour: h % 24, minute, second: 0, millisecond: 0 });
  if (h >= 24) at = at.plus({ days: 1 });

  if (!hasDate && at < now) {
    // A bare time already past today means the next one: "下午三点" said at 16:00 → tomorrow.
    at = at.plus({ days: 1 });
  } else if (isToday && hour === null && at < now) {
    // "今天下午" said at 15:30: later today, not an overdue reminder.
    at = now.plus({ hours: 1 }).startOf('minute');
  }
  return at;
}

/** 24-hour clock from an hour as said: 下午3点 → 15, "3pm" → 15, bare 3点 → 15 (office hours). */
function clockHour(hour: number, period: Period | null, meridiem?: 'am' | 'pm'): number {
  if (meridiem === 'pm') return hour < 12 ? hour + 12 : hour;
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  switch (period) {
    case 'afternoon':
    case 'dusk':
    case 'evening':
      return hour < 12 ? hour + 12 : hour === 12 ? 24 : hour;
    case 'noon':
      return hour <= 2 ? hour + 12 : hour;
    case 'dawn':
    case 'early':
    case 'morning':
      return hour;
    default:
      // Nobody books a call for 3 a.m.: a bare 1–6 means the afternoon.
      return hour >= 1 && hour <= 6 ? hour + 12 : hour;
  }
}

/**
 * chrono-node's casual mode reads a bare length ("45 mins", "for 20 minutes") as "within 45
 * mins"; in a call log that is talk time, not a time. "in 3 days" and "within a week" stay.
 */
const BARE_DURATION =
  /^(?:for\s+)?(?:about\s+|around\s+|roughly\s+|almost\s+|nearly\s+)?(?:a|an|\d+(?:\.\d+)?|[a-z]+)(?:\s+(?:few|couple(?:\s+of)?))?\s*-?\s*(?:secs?|seconds?|mins?|minutes?|hours?|hrs?|h|days?|weeks?|months?|years?)$/i;

/** chrono-node fallback for English; it sees the zone's wall clock as if it were local time. */
function withChrono(scan: string, original: string, now: DateTime, defaultHour: number): FoundTime | null {
  const wall = new Date(now.year, now.month - 1, now.day, now.hour, now.minute, now.second);
  const results = chronoEn.parse(scan.slice(0, 500), wall, { forwardDate: true });
  for (const r of results) {
    if (BARE_DURATION.test(r.text.trim())) continue;
    const s = r.start;
    if (!s.isCertain('day') && !s.isCertain('weekday') && !s.isCertain('hour')) continue;
    let at = now.set({
      year: s.get('year') ?? now.year,
      month: s.get('month') ?? now.month,
      day: s.get('day') ?? now.day,
      hour: s.isCertain('hour') ? (s.get('hour') ?? defaultHour) : defaultHour,
      minute: s.isCertain('hour') ? (s.get('minute') ?? 0) : 0,
      second: 0,
      millisecond: 0,
    });
    if (!s.isCertain('day') && !s.isCertain('weekday') && at < now) at = at.plus({ days: 1 });
    return { at: at.toJSDate(), matched: original.slice(r.index, r.index + r.text.length), start: r.index, end: r.index + r.text.length };
  }
  return null;
}
