/**
 * Calendar arithmetic in the rep's time zone. Everything goes through luxon with an explicit
 * IANA zone so the result never depends on the process time zone, and DST is handled by luxon.
 * Weeks start on Monday (luxon weekday 1).
 */
import { DateTime } from 'luxon';

/** `now` seen in the rep's zone; an unknown zone falls back to UTC rather than throwing. */
export function inZone(now: Date, timeZone: string): DateTime {
  const dt = DateTime.fromJSDate(now, { zone: timeZone });
  return dt.isValid ? dt : DateTime.fromJSDate(now, { zone: 'UTC' });
}

export function today(now: DateTime): DateTime {
  return now.startOf('day');
}

export function addDays(now: DateTime, days: number): DateTime {
  return now.startOf('day').plus({ days });
}

/** 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Bare 周五 / "Friday": the coming one, never today (today's would be said as 今天). */
export function comingWeekday(now: DateTime, wd: Weekday): DateTime {
  const delta = (wd - now.weekday + 7) % 7 || 7;
  return addDays(now, delta);
}

/** 这周五 / "this Friday": in the current Monday-based week; if already past, the coming one. */
export function thisWeekWeekday(now: DateTime, wd: Weekday): DateTime {
  const d = now.startOf('week').plus({ days: wd - 1 });
  return d < now.startOf('day') ? comingWeekday(now, wd) : d;
}

/** 下周五 / "next Friday": that weekday of the next calendar week (weeks start Monday). */
export function nextWeekWeekday(now: DateTime, wd: Weekday, weeksAhead = 1): DateTime {
  return now.startOf('week').plus({ weeks: weeksAhead, days: wd - 1 });
}

/** Day `day` of the month `monthsAhead` from now, clamped to the month's length. */
export function dayOfMonth(now: DateTime, monthsAhead: number, day: number): DateTime {
  const m = now.startOf('month').plus({ months: monthsAhead });
  return m.set({ day: Math.min(Math.max(1, day), m.daysInMonth ?? 28) });
}

export function endOfMonth(now: DateTime, monthsAhead = 0): DateTime {
  return now.startOf('month').plus({ months: monthsAhead }).endOf('month').startOf('day');
}

/** 5号 without a month: this month's, or next month's when it has passed. */
export function upcomingDayOfMonth(now: DateTime, day: number): DateTime {
  const d = dayOfMonth(now, 0, day);
  return d < now.startOf('day') ? dayOfMonth(now, 1, day) : d;
}

/** 3月5日 without a year: this year's, or next year's when it has passed. */
export function upcomingMonthDay(now: DateTime, month: number, day: number, yearsAhead?: number): DateTime {
  const build = (year: number) => {
    const m = DateTime.fromObject({ year, month, day: 1 }, { zone: now.zone });
    return m.set({ day: Math.min(Math.max(1, day), m.daysInMonth ?? 28) });
  };
  if (yearsAhead !== undefined) return build(now.year + yearsAhead);
  const d = build(now.year);
  return d < now.startOf('day') ? build(now.year + 1) : d;
}

/** Chinese New Year's Day (正月初一), for 年后 ("after the Spring Festival"). */
const SPRING_FESTIVAL: Record<number, string> = {
  2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13',
  2030: '02-03', 2031: '01-23', 2032: '02-11', 2033: '01-31', 2034: '02-19', 2035: '02-08',
};

/** The first working day after the Spring Festival holiday (初八) that is still ahead. */
export function afterSpringFestival(now: DateTime): DateTime | null {
  for (const year of [now.year, now.year + 1]) {
    const md = SPRING_FESTIVAL[year];
    if (!md) continue;
    const [month, day] = md.split('-').map(Number) as [number, number];
    const d = DateTime.fromObject({ year, month, day }, { zone: now.zone }).plus({ days: 7 });
    if (d > now.startOf('day')) return d;
  }
  return null;
}
