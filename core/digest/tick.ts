/**
 * The digest's schedule, run from the scheduler tick (bot/scheduler.ts) in each team's zone:
 * daily at 18:30 on working days (that day), weekly on Monday from 09:00 (the previous week),
 * monthly on the 1st from 09:00 (the previous month). A run is claimed in scheduled_runs (kind,
 * team, period key) in the same transaction that writes the digest to the outbox, so each is
 * posted once per period whatever the number of processes; a failure rolls both back and the
 * next tick tries again.
 *
 * A digest whose day passed with no bot process running is sent at the next tick, labelled late:
 * only the latest one of each kind (no flood after a long stop), only within MAX_LATE_DAYS of its
 * time, and only if the chat had been chosen by then (choosing one never brings old digests).
 */
import type { DateTime } from 'luxon';
import type { Clock, Logger, Store } from '../ports.ts';
import type { DigestChannel, TeamRecord } from '../records.ts';
import { isWorkingDay } from '../reminders/hours.ts';
import { minutesOf, teamSettings } from '../reminders/settings.ts';
import { inZone } from '../time/calendar.ts';
import { composeDigest } from './compose.ts';
import { dueLabel, type Period, periodOf, previousPeriod } from './period.ts';
import { texts } from './texts.ts';

export const DIGEST_TIMES = { daily: '18:30', weekly: '09:00', monthly: '09:00' } as const;

/** A missed digest older than this is dropped rather than sent late. */
export const MAX_LATE_DAYS = 7;

export interface DigestTickDeps {
  store: Store;
  clock: Clock;
  logger?: Logger;
}

export interface DueDigest {
  period: Period;
  /** When it was scheduled. */
  dueAt: Date;
}

function at(day: DateTime, hhmm: string): DateTime {
  const m = minutesOf(hhmm);
  return day.set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 });
}

/**
 * The latest digest of each kind whose time has come by `now` (at most one daily, one weekly, one
 * monthly) and is not older than MAX_LATE_DAYS; whether it was already sent is the claim's business.
 */
export function dueDigests(team: TeamRecord, now: Date): DueDigest[] {
  const zone = team.timezone;
  const local = inZone(now, zone);
  const settings = teamSettings(team);
  const due: DueDigest[] = [];
  for (let i = 0, day = local.startOf('day'); i <= MAX_LATE_DAYS; i++, day = day.minus({ days: 1 })) {
    const time = at(day, DIGEST_TIMES.daily);
    if (time > local || !isWorkingDay(day, settings)) continue;
    due.push({ period: periodOf('day', time.toJSDate(), zone), dueAt: time.toJSDate() });
    break;
  }
  let monday = at(local.startOf('week'), DIGEST_TIMES.weekly);
  if (monday > local) monday = monday.minus({ weeks: 1 });
  due.push({ period: previousPeriod(periodOf('week', monday.toJSDate(), zone), zone), dueAt: monday.toJSDate() });
  let first = at(local.startOf('month'), DIGEST_TIMES.monthly);
  if (first > local) first = first.minus({ months: 1 });
  due.push({ period: previousPeriod(periodOf('month', first.toJSDate(), zone), zone), dueAt: first.toJSDate() });
  return due.filter((d) => local.diff(inZone(d.dueAt, zone), 'days').days <= MAX_LATE_DAYS);
}

/** Late: sent on a later day than it was due (on its own day it goes out as scheduled). */
function isLate(d: DueDigest, now: Date, zone: string): boolean {
  return inZone(now, zone).toISODate() !== inZone(d.dueAt, zone).toISODate();
}

async function post(store: Store, team: TeamRecord, channel: DigestChannel, due: DueDigest, now: Date, late: boolean): Promise<boolean> {
  const { period } = due;
  return store.transaction(async (tx) => {
    // Claimed first: a second process waits on the key, then finds it taken and composes nothing.
    if (!(await tx.reminders.claimRun(`digest.${period.kind}`, `team:${team.id}`, period.key))) return false;
    const reply = await composeDigest(tx, team, { period, now, lang: team.lang });
    if (late) reply.blocks.unshift({ type: 'text', text: texts(team.lang).late(dueLabel(due.dueAt, team.timezone, team.lang)) });
    await tx.outbox.send({ platform: channel.platform, chatId: channel.chatId }, [reply]);
    return true;
  });
}

/** Posts the digests that are due; `seen` remembers runs this process already knows are done. */
export async function digestTick(deps: DigestTickDeps, seen: Set<string> = new Set()): Promise<{ digests: number }> {
  const now = deps.clock.now();
  let digests = 0;
  for (const channel of await deps.store.digests.listChannels()) {
    const team = await deps.store.teams.get(channel.teamId);
    if (!team) continue;
    for (const due of dueDigests(team, now)) {
      const late = isLate(due, now, team.timezone);
      if (late && due.dueAt < channel.since) continue; // missed before the chat was chosen: not ours to send
      const key = `digest.${due.period.kind}|${team.id}|${due.period.key}`;
      if (seen.has(key)) continue;
      try {
        if (await post(deps.store, team, channel, due, now, late)) digests += 1;
        seen.add(key);
      } catch (err) {
        deps.logger?.error({ err, teamId: team.id, period: due.period.key }, 'digest failed');
      }
    }
  }
  if (digests) deps.logger?.info({ digests }, 'digest tick');
  return { digests };
}
