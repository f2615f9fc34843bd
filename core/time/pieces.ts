/**
 * A time expression is found as pieces (a day, a time of day, or a whole instant) that the
 * resolver then joins: 下周二 + 下午3点, "tomorrow" + "at 11". Rules per language produce pieces.
 */
import type { DateTime } from 'luxon';

/** Parts of the day; each has a default hour (formats.md §2: 上午 10, 下午 14, 晚上 19). */
export type Period = 'dawn' | 'early' | 'morning' | 'noon' | 'afternoon' | 'dusk' | 'evening';

export const PERIOD_HOUR: Record<Period, number> = {
  dawn: 6, early: 9, morning: 10, noon: 12, afternoon: 14, dusk: 18, evening: 19,
};

export type PieceBody =
  /** A calendar day (start of day in the zone); `period` when the word carries one (今晚). */
  | { type: 'date'; day: (now: DateTime) => DateTime | null; period?: Period; today?: boolean }
  /** A time of day; `hour` null when only the part of day is given (下午). */
  | { type: 'time'; hour: number | null; minute: number; period: Period | null; meridiem?: 'am' | 'pm' }
  /** A complete instant relative to now (一个小时后, "in 2 hours"). */
  | { type: 'instant'; at: (now: DateTime) => DateTime };

export type Piece = PieceBody & { start: number; end: number };

export interface Rule {
  re: RegExp; // must be global
  make: (m: RegExpExecArray) => PieceBody | null;
}

/** Runs rules in priority order; a later rule never takes text an earlier one already took. */
export function collectPieces(text: string, rules: Rule[]): Piece[] {
  const taken: Piece[] = [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((p) => start < p.end && p.start < end)) continue;
      const body = rule.make(m);
      if (body) taken.push({ ...body, start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
