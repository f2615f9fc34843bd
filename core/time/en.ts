/**
 * English time expressions we resolve ourselves so they follow the same contract as Chinese
 * (weeks start Monday, "next Friday" = Friday of next calendar week, date only → default hour,
 * "afternoon" → 14:00). Anything else falls back to chrono-node in resolve.ts.
 */
import type { DateTime } from 'luxon';
import {
  addDays,
  comingWeekday,
  endOfMonth,
  dayOfMonth,
  nextWeekWeekday,
  thisWeekWeekday,
  upcomingDayOfMonth,
  upcomingMonthDay,
  type Weekday,
} from './calendar.ts';
import { EN_COUNT, parseCount } from './numerals.ts';
import type { Period, PieceBody, Rule } from './pieces.ts';

const WEEKDAYS: Record<string, Weekday> = {
  monday: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, weds: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sunday: 7,
};
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const PERIODS: Record<string, Period> = {
  morning: 'morning', afternoon: 'afternoon', evening: 'evening', night: 'evening', tonight: 'evening',
};

function date(day: (now: DateTime) => DateTime | null, extra: { period?: Period; today?: boolean } = {}): PieceBody {
  return { type: 'date', day, ...extra };
}

function month(s: string): number {
  return MONTHS[s.slice(0, 3).toLowerCase()] ?? 1;
}

function plusUnit(now: DateTime, n: number, unit: string): DateTime {
  const base = now.startOf('day');
  const u = unit.toLowerCase();
  if (u.startsWith('day')) return base.plus({ days: Math.round(n) });
  if (u.startsWith('week')) return base.plus({ days: Math.round(n * 7) });
  if (u.startsWith('month')) return n === 0.5 ? base.plus({ days: 15 }) : base.plus({ months: Math.round(n) });
  return base.plus({ years: Math.round(n) });
}

export const EN_RULES: Rule[] = [
  // Instants: "in 2 hours", "in half an hour", "30 minutes from now", "later today".
  {
    re: new RegExp(`\\bin\\s+(${EN_COUNT})\\s*(hours?|hrs?|h|minutes?|mins?)\\b`, 'gi'),
    make: (m) => instant(m[1]!, m[2]!),
  },
  {
    re: new RegExp(`\\b(${EN_COUNT})\\s*(hours?|hrs?|minutes?|mins?)\\s+(?:from now|later)\\b`, 'gi'),
    make: (m) => instant(m[1]!, m[2]!),
  },
  { re: /\b(?:later today|later on today|in a bit|in a while|shortly)\b/gi, make: () => ({ type: 'instant', at: (now) => now.plus({ hours: 1 }).startOf('minute') }) },
  // Relative days: "in two days", "3 days from now", "a week from today", "after 2 weeks".
  {
    re: new RegExp(`\\b(?:in|after)\\s+(${EN_COUNT})\\s+(days?|weeks?|months?|years?)\\b`, 'gi'),
    make: (m) => relativeDays(m[1]!, m[2]!),
  },
  {
    re: new RegExp(`\\b(${EN_COUNT})\\s+(days?|weeks?|months?)\\s+(?:from\\s+(?:now|today)|later|time)\\b`, 'gi'),
    make: (m) => relativeDays(m[1]!, m[2]!),
  },
  { re: /\b(?:the\s+)?day after tomorrow\b/gi, make: () => date((now) => addDays(now, 2)) },
  { re: /\b(?:tomorrow|tomorow|tmrw|tmr)\b/gi, make: () => date((now) => addDays(now, 1)) },
  { re: /\btonight\b/gi, make: () => date((now) => addDays(now, 0), { period: 'evening', today: true }) },
  {
    re: /\bthis\s+(morning|afternoon|evening)\b/gi,
    make: (m) => date((now) => addDays(now, 0), { period: PERIODS[m[1]!.toLowerCase()]!, today: true }),
  },
  { re: /\btoday\b/gi, make: () => date((now) => addDays(now, 0), { today: true }) },
  {
    re: /\b(?:(next|this|coming|the following)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues?|weds?|thu(?:rs?)?|fri)\b/gi,
    make: (m) => {
      const wd = WEEKDAYS[m[2]!.toLowerCase()];
      if (!wd) return null;
      const prefix = m[1]?.toLowerCase();
      if (prefix === 'next' || prefix === 'the following') return date((now) => nextWeekWeekday(now, wd, 1));
      if (prefix === 'this') return date((now) => thisWeekWeekday(now, wd));
      return date((now) => comingWeekday(now, wd));
    },
  },
  { re: /\b(?:the\s+)?week after next\b/gi, make: () => date((now) => nextWeekWeekday(now, 1, 2)) },
  { re: /\b(?:early\s+)?next week\b/gi, make: () => date((now) => nextWeekWeekday(now, 1, 1)) },
  { re: /\bnext weekend\b/gi, make: () => date((now) => nextWeekWeekday(now, 6, 1)) },
  { re: /\b(?:this|the)\s+weekend\b|\bat the weekend\b|\bover the weekend\b/gi, make: () => date((now) => (now.weekday === 6 ? addDays(now, 1) : comingWeekday(now, 6))) },
  // "the 5th of next month", "5th next month", "next month on the 5th": one day, not two pieces.
  {
    re: /\b(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+(?:of\s+)?next month\b|\bnext month\s+(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)?\b/gi,
    make: (m) => {
      const day = Number(m[1] ?? m[2]);
      return day >= 1 && day <= 31 ? date((now) => dayOfMonth(now, 1, day)) : null;
    },
  },
  { re: /\bend of next month\b/gi, make: () => date((now) => endOfMonth(now, 1)) },
  { re: /\b(?:end of (?:the |this )?month|month[- ]end)\b/gi, make: () => date((now) => endOfMonth(now, 0)) },
  { re: /\bend of (?:the |this )?week\b/gi, make: () => date((now) => thisWeekWeekday(now, 5)) },
  { re: /\b(?:(?:the )?(?:start|beginning) of|early) next month\b/gi, make: () => date((now) => dayOfMonth(now, 1, 1)) },
  { re: /\bmid[- ]next month\b/gi, make: () => date((now) => dayOfMonth(now, 1, 15)) },
  { re: /\bnext month\b/gi, make: () => date((now) => dayOfMonth(now, 1, 1)) },
  // "Dec 10", "December 10th", "10 December", "the 10th of December".
  {
    re: new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'gi'),
    make: (m) => monthDay(month(m[1]!), Number(m[2])),
  },
  {
    re: new RegExp(`\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\b`, 'gi'),
    make: (m) => monthDay(month(m[2]!), Number(m[1])),
  },
  {
    re: /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b|\bon\s+(\d{1,2})(?:st|nd|rd|th)\b/gi,
    make: (m) => {
      const day = Number(m[1] ?? m[2]);
      return day >= 1 && day <= 31 ? date((now) => upcomingDayOfMonth(now, day)) : null;
    },
  },
  // Times of day: "3pm", "3:30 p.m.", "15:00", "at 11", "noon", "afternoon".
  {
    re: /\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)(?![a-z])/gi,
    make: (m) => clock(Number(m[1]), Number(m[2] ?? 0), m[3]!.toLowerCase().startsWith('p') ? 'pm' : 'am'),
  },
  { re: /\bhalf past (\d{1,2})\b/gi, make: (m) => clock(Number(m[1]), 30) },
  { re: /\b(\d{1,2}):(\d{2})\b/g, make: (m) => clock(Number(m[1]), Number(m[2])) },
  { re: /\b(\d{1,2})\s*o'?clock\b/gi, make: (m) => clock(Number(m[1]), 0) },
  {
    re: /\b(?:at|@|around|about|by)\s+(\d{1,2})\b(?![:.]\d|\s*(?:%|st\b|nd\b|rd\b|th\b|min|hour|hr|day|week|month|year|people|calls|times))/gi,
    make: (m) => clock(Number(m[1]), 0),
  },
  { re: /\b(?:noon|midday|lunchtime|lunch time)\b/gi, make: () => ({ type: 'time', hour: 12, minute: 0, period: 'noon' }) },
  {
    re: /\b(morning|afternoon|evening|night)\b/gi,
    make: (m) => ({ type: 'time', hour: null, minute: 0, period: PERIODS[m[1]!.toLowerCase()]! }),
  },
];

function clock(hour: number, minute: number, meridiem?: 'am' | 'pm'): PieceBody | null {
  if (hour > 23 || minute > 59 || (meridiem && (hour === 0 || hour > 12))) return null;
  return { type: 'time', hour, minute, period: null, ...(meridiem ? { meridiem } : {}) };
}

function instant(count: string, unit: string): PieceBody | null {
  const n = parseCount(count);
  if (n === null) return null;
  const minutes = unit.toLowerCase().startsWith('h') ? n * 60 : n;
  return { type: 'instant', at: (now) => now.plus({ minutes: Math.round(minutes) }).startOf('minute') };
}

function relativeDays(count: string, unit: string): PieceBody | null {
  const n = parseCount(count);
  return n === null ? null : date((now) => plusUnit(now, n, unit));
}

function monthDay(m: number, day: number): PieceBody | null {
  return day >= 1 && day <= 31 ? date((now) => upcomingMonthDay(now, m, day)) : null;
}
