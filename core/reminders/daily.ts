/**
 * Once-a-day messages: each rep's morning agenda and end-of-day nudge (in the rep's zone), and
 * the managers' list of follow-ups overdue by more than N working days (in the team's zone).
 * Each is claimed in scheduled_runs (kind, scope, local day) in the same transaction that writes
 * it to the outbox, so it is produced once per day whatever the number of processes.
 */
import { DateTime } from 'luxon';
import { localDay } from '../format.ts';
import type { Store } from '../ports.ts';
import type { FollowUpWithCustomer, TeamRecord, UserRecord } from '../records.ts';
import type { Reply } from '../reply.ts';
import { dailyRunDue, workingDaysBefore } from './hours.ts';
import { agendaMessage, escalationMessage, nudgeMessage } from './messages.ts';
import { teamSettings, type TeamSettings } from './settings.ts';

export interface DailyReport {
  agendas: number;
  nudges: number;
  escalations: number;
}

/**
 * Runs that exist already, remembered by this process so it does not ask the database again on
 * every tick. Only an optimisation: the database constraint is what guarantees once.
 */
export type SeenRuns = Set<string>;

/**
 * Claims a run and, when it is new, writes what `compose` returns. Nothing is claimed when the
 * recipient cannot be reached yet (compose returns null), so it is tried again next tick.
 */
async function once(store: Store, seen: SeenRuns, kind: string, scope: string, period: string, compose: (tx: Store) => Promise<boolean | null>): Promise<boolean> {
  const key = `${kind}|${scope}|${period}`;
  if (seen.has(key)) return false;
  const made = await store.transaction(async (tx) => {
    const ready = await compose(tx);
    if (ready === null) return null;
    // Claimed after composing but in the same transaction: a conflict rolls the outbox rows back.
    if (!(await tx.reminders.claimRun(kind, scope, period))) throw new AlreadyDone();
    return ready;
  }).catch((err) => {
    if (err instanceof AlreadyDone) return false;
    throw err;
  });
  if (made !== null) seen.add(key);
  return made === true;
}

class AlreadyDone extends Error {}

function callable(f: FollowUpWithCustomer): boolean {
  return !f.customer.doNotCall && f.customer.stage !== 'lost';
}

async function repDay(store: Store, seen: SeenRuns, team: TeamRecord, s: TeamSettings, rep: UserRecord, now: Date, report: DailyReport) {
  const zone = rep.timezone ?? team.timezone;
  const lang = rep.lang ?? team.lang;
  const nudgeDue = dailyRunDue(now, s.nudgeAt, s, zone);
  // Back after a long downtime at the end of the day: the nudge says it all, no agenda as well.
  const kind = nudgeDue ? 'nudge' : dailyRunDue(now, s.agendaAt, s, zone) ? 'agenda' : null;
  if (!kind) return;
  const endOfDay = DateTime.fromJSDate(now, { zone }).endOf('day').toJSDate();
  const made = await once(store, seen, kind, `user:${rep.id}:team:${team.id}`, localDay(now, zone), async (tx) => {
    const [target] = await tx.users.contactPoints(rep.id);
    if (!target) return null;
    const open = await tx.followUps.listOpen({ userId: rep.id, managedTeamIds: [] }, { dueBefore: endOfDay, limit: 100 });
    const list = open.filter((f) => f.teamId === team.id && callable(f));
    if (!list.length) return false;
    const reply: Reply = kind === 'agenda' ? agendaMessage(list, now, lang, zone) : nudgeMessage(list, now, lang, zone);
    await tx.outbox.send(target, [reply]);
    return true;
  });
  if (made) report[kind === 'agenda' ? 'agendas' : 'nudges'] += 1;
}

async function escalate(store: Store, seen: SeenRuns, team: TeamRecord, s: TeamSettings, now: Date, report: DailyReport) {
  if (!dailyRunDue(now, s.agendaAt, s, team.timezone)) return;
  const made = await once(store, seen, 'escalation', `team:${team.id}`, localDay(now, team.timezone), async (tx) => {
    const cutoff = workingDaysBefore(now, s.escalateAfterWorkingDays, s, team.timezone);
    const list = await tx.reminders.overdue(team.id, cutoff, 50);
    if (!list.length) return false;
    const members = await tx.teams.members(team.id);
    const managers = members.filter((m) => m.roles.includes('manager'));
    let sent = false;
    for (const m of managers.length ? managers : members.filter((x) => x.roles.includes('admin'))) {
      const [target] = await tx.users.contactPoints(m.user.id);
      if (!target) continue;
      const zone = m.user.timezone ?? team.timezone;
      await tx.outbox.send(target, [escalationMessage(list, s.escalateAfterWorkingDays, now, m.user.lang ?? team.lang, zone)]);
      sent = true;
    }
    return sent ? true : null; // no manager reachable yet: try again next tick
  });
  if (made) report.escalations += 1;
}

export async function runDaily(store: Store, now: Date, seen: SeenRuns = new Set()): Promise<DailyReport> {
  const report: DailyReport = { agendas: 0, nudges: 0, escalations: 0 };
  for (const team of await store.teams.list()) {
    const s = teamSettings(team);
    for (const rep of await store.reminders.repsWithOpen(team.id)) await repDay(store, seen, team, s, rep, now, report);
    await escalate(store, seen, team, s, now, report);
  }
  return report;
}
