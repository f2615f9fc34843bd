/**
 * A team's scheduling settings, kept in teams.settings (jsonb). Every field has a default, and a
 * field that does not validate falls back to its default alone: one typo must not stop reminders.
 */
import { z } from 'zod';
import type { TeamRecord } from '../records.ts';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const days = (d: number) => z.number().int().min(1).max(365).default(d);

const shape = {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5, 6]),
  start: HHMM.default('09:00'),
  end: HHMM.default('20:00'),
  agendaAt: HHMM.default('09:00'),
  nudgeAt: HHMM.default('17:30'),
  cadenceDays: z.object({ A: days(7), B: days(14), C: days(30) }).default({ A: 7, B: 14, C: 30 }),
  escalateAfterWorkingDays: z.number().int().min(0).max(60).default(2),
  /** The hour used when only a day is known (Tomorrow, cadence). */
  defaultHour: z.number().int().min(0).max(23).default(10),
};

export const teamSettingsSchema = z.object(shape);
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export function teamSettings(team: Pick<TeamRecord, 'settings'> | null | undefined): TeamSettings {
  const raw = (team?.settings && typeof team.settings === 'object' ? team.settings : {}) as Record<string, unknown>;
  const whole = teamSettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const one = field.safeParse(raw[key]);
    out[key] = one.success ? one.data : field.parse(undefined);
  }
  return out as TeamSettings;
}

/** "09:30" → 570. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
