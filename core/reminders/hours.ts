/**
 * Working hours in the rep's zone: nothing is sent outside them, times are moved into them.
 * All calendar maths goes through luxon with an explicit zone (DST-safe, process-zone-free).
 */
import type { DateTime } from 'luxon';
import { inZone } from '../time/calendar.ts';
import { minutesOf, type TeamSettings } from './settings.ts';

type Hours = Pick<TeamSettings, 'workingDays' | 'start' | 'end'>;

function at(day: DateTime, hhmm: string): DateTime {
  const m = minutesOf(hhmm);
  return day.set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 });
}

export function isWorkingDay(local: DateTime, s: Hours): boolean {
  return s.workingDays.includes(local.weekday);
}

export function isWorkingTime(when: Date, s: Hours, zone: string): boolean {
  const local = inZone(when, zone);
  return isWorkingDay(local, s) && local >= at(local, s.start) && local < at(local, s.end);
}

/** The first working instant at or after `when` (itself when already inside working hours). */
export function intoWorkingHours(when: Date, s: Hours, zone: string): Date {
  let day = inZone(when, zone);
  for (let i = 0; i < 15; i++) {
    if (isWorkingDay(day, s)) {
      const start = at(day, s.start);
      if (day < start) return start.toJSDate();
      if (day < at(day, s.end)) return day.toJSDate();
    }
    day = day.startOf('day').plus({ days: 1 });
  }
  return when;
}

/** The next working day after `now`'s, at `hour`:00, moved into working hours. */
export function nextWorkingDayAt(now: Date, s: Hours, zone: string, hour: number): Date {
  let day = inZone(now, zone).startOf('day').plus({ days: 1 });
  for (let i = 0; i < 14 && !isWorkingDay(day, s); i++) day = day.plus({ days: 1 });
  return intoWorkingHours(day.set({ hour }).toJSDate(), s, zone);
}

/** The same local time `n` working days before `now` (escalation's cutoff). */
export function workingDaysBefore(now: Date, n: number, s: Hours, zone: string): Date {
  let day = inZone(now, zone);
  for (let counted = 0, i = 0; counted < n && i < 60; i++) {
    day = day.minus({ days: 1 });
    if (isWorkingDay(day, s)) counted += 1;
  }
  return day.toJSDate();
}

/** Whether a daily run set for `hhmm` is due now: a working day, past its time and the start of hours, before their end. */
export function dailyRunDue(now: Date, hhmm: string, s: Hours, zone: string): boolean {
  const local = inZone(now, zone);
  const from = minutesOf(hhmm) > minutesOf(s.start) ? hhmm : s.start;
  return isWorkingDay(local, s) && local >= at(local, from) && local < at(local, s.end);
}
