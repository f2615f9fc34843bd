/**
 * Digest periods in the team's zone: a day, a Monday-to-Sunday week, a calendar month, each as
 * [from, to) instants, with a stable key (for scheduled_runs) and a label in each language.
 */
import { DateTime } from 'luxon';
import type { Lang } from '../domain.ts';
import { inZone } from '../time/calendar.ts';

export type PeriodKind = 'day' | 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  from: Date;
  to: Date;
  /** 2026-11-23, 2026-W48, 2026-11. */
  key: string;
}

const UNIT = { day: 'day', week: 'week', month: 'month' } as const;

function build(kind: PeriodKind, start: DateTime): Period {
  const s = start.startOf(UNIT[kind]);
  const key = kind === 'day' ? s.toFormat('yyyy-MM-dd') : kind === 'week' ? s.toFormat("kkkk-'W'WW") : s.toFormat('yyyy-MM');
  // startOf again: where DST starts at midnight, a month's end plus one month lands at 01:00.
  return { kind, from: s.toJSDate(), to: s.plus({ [`${kind}s`]: 1 }).startOf(UNIT[kind]).toJSDate(), key };
}

/** The period of `kind` containing `now`. */
export function periodOf(kind: PeriodKind, now: Date, zone: string): Period {
  return build(kind, inZone(now, zone));
}

/** The period just before `p`. */
export function previousPeriod(p: Period, zone: string): Period {
  return build(p.kind, inZone(p.from, zone).minus({ [`${p.kind}s`]: 1 }));
}

export function periodLabel(p: Period, zone: string, lang: Lang): string {
  const from = inZone(p.from, zone).setLocale(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const last = inZone(p.to, zone).minus({ days: 1 }).setLocale(lang === 'zh' ? 'zh-CN' : 'en-GB');
  if (p.kind === 'day') return lang === 'zh' ? from.toFormat('M月d日 ccc') : from.toFormat('ccc d LLL');
  if (p.kind === 'week') return lang === 'zh' ? `${from.toFormat('M月d日')}–${last.toFormat('M月d日')}` : `${from.toFormat('d LLL')}–${last.toFormat('d LLL')}`;
  return lang === 'zh' ? from.toFormat('yyyy年M月') : from.toFormat('LLLL yyyy');
}

/** A scheduled instant in the zone: 11月23日 周一 18:30, Mon 23 Nov 18:30. */
export function dueLabel(when: Date, zone: string, lang: Lang): string {
  const local = inZone(when, zone).setLocale(lang === 'zh' ? 'zh-CN' : 'en-GB');
  return local.toFormat(lang === 'zh' ? 'M月d日 ccc HH:mm' : 'ccc d LLL HH:mm');
}

/** The month (YYYY-MM) of `now` in the zone: targets are kept per month. */
export function monthOf(now: Date, zone: string): string {
  return inZone(now, zone).toFormat('yyyy-MM');
}

/** Working days from `from`'s day (included when `includeFirst`) to the end of its month. */
export function workingDaysLeftInMonth(from: Date, zone: string, workingDays: number[], includeFirst: boolean): number {
  let day = inZone(from, zone).startOf('day');
  const end = day.endOf('month');
  if (!includeFirst) day = day.plus({ days: 1 });
  let n = 0;
  for (; day <= end; day = day.plus({ days: 1 })) if (workingDays.includes(day.weekday)) n += 1;
  return n;
}

/**
 * The parts of months a stretch [from, to) covers, for plans kept per month: each month's key, the
 * working days left in it from the stretch's first day there (null when that is the month's first
 * day) and after its last. A week across a month end gives two slices.
 */
export interface MonthSlice {
  month: string;
  leftAtStart: number | null;
  leftAfter: number;
}

export function monthSlices(from: Date, to: Date, zone: string, workingDays: number[]): MonthSlice[] {
  const slices: MonthSlice[] = [];
  let start = inZone(from, zone).startOf('day');
  const last = inZone(new Date(to.getTime() - 1), zone).startOf('day');
  while (start <= last) {
    const monthEnd = start.endOf('month').startOf('day');
    const end = last < monthEnd ? last : monthEnd;
    slices.push({
      month: start.toFormat('yyyy-MM'),
      leftAtStart: start.day === 1 ? null : workingDaysLeftInMonth(start.toJSDate(), zone, workingDays, true),
      leftAfter: workingDaysLeftInMonth(end.toJSDate(), zone, workingDays, false),
    });
    start = monthEnd.plus({ days: 1 });
  }
  return slices;
}

/** "—" when a rate is unknown (nothing to divide by), else a whole percentage. */
export function pct(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 1000) / 10}%`;
}

export function minutes(m: number | null, lang: Lang): string {
  if (m === null) return '—';
  const v = Math.round(m * 10) / 10;
  if (v >= 60) return lang === 'zh' ? `${Math.floor(v / 60)}时${String(Math.round(v % 60)).padStart(2, '0')}分` : `${Math.floor(v / 60)}h${String(Math.round(v % 60)).padStart(2, '0')}`;
  return lang === 'zh' ? `${v}分` : `${v}m`;
}

export function money(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 });
}
