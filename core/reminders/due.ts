/**
 * Due reminders → outbox, exactly once. Each batch is one transaction: lock due follow-ups
 * (SKIP LOCKED, so a second process takes other rows), write their reminders into the outbox,
 * set notified_at. A crash before commit rolls all three back; after commit the rows no longer
 * match. Delivery from the outbox (retries, rate limits) is the platform dispatcher's job.
 */
import type { OutboxTarget, Store } from '../ports.ts';
import { isWorkingTime } from './hours.ts';
import { reminderMessage } from './messages.ts';
import { teamSettings } from './settings.ts';

export interface DueOptions {
  /** Reminders per transaction. */
  batch?: number;
  maxBatches?: number;
  /** Test hook: runs inside each batch's transaction, just before it commits. */
  beforeCommit?: (claimed: number) => Promise<void>;
}

/** The (team, zone) pairs in working hours now: only their reps' reminders may go out. */
async function openWindows(store: Store, now: Date): Promise<Array<{ teamId: number; zone: string }>> {
  const teams = await store.reminders.schedulingTeams();
  return teams.flatMap(({ team, zones }) => {
    const s = teamSettings(team);
    return zones.filter((zone) => isWorkingTime(now, s, zone)).map((zone) => ({ teamId: team.id, zone }));
  });
}

export async function sendDueReminders(store: Store, now: Date, opts: DueOptions = {}): Promise<number> {
  const batch = opts.batch ?? 100;
  const windows = await openWindows(store, now);
  if (!windows.length) return 0;
  let sent = 0;
  for (let i = 0; i < (opts.maxBatches ?? 1_000); i++) {
    const claimed = await store.transaction(async (tx) => {
      const due = await tx.reminders.claimDue(now, windows, batch);
      const points = new Map<number, OutboxTarget | undefined>();
      for (const r of due) {
        if (!points.has(r.repId)) points.set(r.repId, (await tx.users.contactPoints(r.repId))[0]);
        const target = points.get(r.repId);
        if (!target) throw new Error(`rep ${r.repId} has no contact point`); // claimDue filters these out
        const zone = r.rep.timezone ?? r.team.timezone;
        await tx.outbox.send(target, [reminderMessage(r, now, r.rep.lang ?? r.team.lang, zone)]);
      }
      await tx.reminders.markNotified(due.map((r) => r.id), now);
      await opts.beforeCommit?.(due.length);
      return due.length;
    });
    sent += claimed;
    if (claimed < batch) break;
  }
  return sent;
}
