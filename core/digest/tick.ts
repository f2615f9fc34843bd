/**
 * The digest's schedule, run from the scheduler tick (bot/scheduler.ts) in each team's zone:
 * daily at 18:30 on working days (that day), weekly on Monday from 09:00 (the previous week),
 * monthly on the 1st from 09:00 (the previous month), each on its own day only. A run is claimed
 * in scheduled_runs (kind, team, period key) in the same transaction that writes the digest to the
 * outbox, so each is posted once per period whatever the number of processes; a failure rolls
 * both back and the next tick tries again.
 */
import type { Clock, Logger, Store } from '../ports.ts';
import type { DigestChannel, TeamRecord } from '../records.ts';
import { isWorkingDay } from '../reminders/hours.ts';
import { minutesOf, teamSettings } from '../reminders/settings.ts';
import { inZone } from '../time/calendar.ts';
import { composeDigest } from './compose.ts';
import { type Period, periodOf, previousPeriod } from './period.ts';

export const DIGEST_TIMES = { daily: '18:30', weekly: '09:00', monthly: '09:00' } as const;

export interface DigestTickDeps {
  store: Store;
  clock: Clock;
  logger?: Logger;
}

/** The digests due for a team at `now`: at most one daily, one weekly, one monthly. */
export function dueDigests(team: TeamRecord, now: Date): Period[] {
  const zone = team.timezone;
  const local = inZone(now, zone);
  const minute = local.hour * 60 + local.minute;
  const due: Period[] = [];
  if (isWorkingDay(local, teamSettings(team)) && minute >= minutesOf(DIGEST_TIMES.daily)) due.push(periodOf('day', now, zone));
  if (local.weekday === 1 && minute >= minutesOf(DIGEST_TIMES.weekly)) due.push(previousPeriod(periodOf('week', now, zone), zone));
  if (local.day === 1 && minute >= minutesOf(DIGEST_TIMES.monthly)) due.push(previousPeriod(periodOf('month', now, zone), zone));
  return due;
}

async function post(store: Store, team: TeamRecord, channel: DigestChannel, period: Period, now: Date): Promise<boolean> {
  return store.transaction(async (tx) => {
    // Claimed first: a second process waits on the key, then finds it taken and composes nothing.
    if (!(await tx.reminders.claimRun(`digest.${period.kind}`, `team:${team.id}`, period.key))) return false;
    const reply = await composeDigest(tx, team, { period, now, lang: team.lang });
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
    for (const period of dueDigests(team, now)) {
      const key = `digest.${period.kind}|${team.id}|${period.key}`;
      if (seen.has(key)) continue;
      try {
        if (await post(deps.store, team, channel, period, now)) digests += 1;
        seen.add(key);
      } catch (err) {
        deps.logger?.error({ err, teamId: team.id, period: period.key }, 'digest failed');
      }
    }
  }
  if (digests) deps.logger?.info({ digests }, 'digest tick');
  return { digests };
}
