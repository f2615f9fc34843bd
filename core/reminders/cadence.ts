/**
 * Contact cadence by grade (A weekly, B fortnightly, C monthly by default): a graded customer who
 * may be called and has no open follow-up gets one, at last contact + cadence, at the team's
 * default hour moved into working hours. Idempotent: it only fills gaps, and a per-team advisory
 * lock keeps two processes from filling the same gap twice.
 */
import type { Store } from '../ports.ts';
import { inZone } from '../time/calendar.ts';
import { intoWorkingHours } from './hours.ts';
import { teamSettings } from './settings.ts';

const CADENCE_LOCK = 726_170_000;

export async function scheduleCadence(store: Store): Promise<number> {
  let created = 0;
  for (const team of await store.teams.list()) {
    const s = teamSettings(team);
    created += await store.transaction(async (tx) => {
      if (!(await tx.reminders.tryLock(CADENCE_LOCK + team.id))) return 0; // another process is on it
      const gaps = await tx.reminders.cadenceCandidates(team.id, 500);
      for (const { customer, since, zone } of gaps) {
        const days = s.cadenceDays[customer.grade ?? 'C'];
        const day = inZone(since, zone).startOf('day').plus({ days }).set({ hour: s.defaultHour });
        const dueAt = intoWorkingHours(day.toJSDate(), s, zone);
        await tx.followUps.create({ teamId: team.id, customerId: customer.id, repId: customer.ownerId, dueAt });
      }
      return gaps.length;
    });
  }
  return created;
}
