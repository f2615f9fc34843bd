/**
 * One scheduler tick: cadence gaps filled, due reminders put in the outbox, daily agenda / nudge /
 * escalation produced. Time comes from the clock port only, so tests move time instead of
 * sleeping; any number of processes may tick the same database at once.
 *
 * Why not pg-boss: a reminder is a property of its follow-up (due_at, status, notified_at), so
 * the follow_ups table already is the durable job queue. A separate job row would have to be kept
 * in step with every snooze, reschedule, cancel, Undo and do-not-call — two sources of truth —
 * and a job runner still could not make "send" and "mark sent" atomic. Claiming the follow-up row
 * with FOR UPDATE SKIP LOCKED and writing the outbox row in the same transaction gives exactly
 * once into the outbox with plain SQL that runs the same on PGlite and PostgreSQL, without a
 * new dependency or its schema. (bench/reminders.ts: 10,000 due reminders claimed in seconds.)
 */
import type { Clock, Logger, Store } from '../ports.ts';
import { scheduleCadence } from './cadence.ts';
import { type DailyReport, runDaily, type SeenRuns } from './daily.ts';
import { type DueOptions, sendDueReminders } from './due.ts';

export interface TickDeps {
  store: Store;
  clock: Clock;
  logger?: Logger;
}

export interface TickOptions extends DueOptions {
  /** The process's memory of daily runs already produced (see SeenRuns). */
  seen?: SeenRuns;
}

export interface TickReport extends DailyReport {
  cadence: number;
  reminders: number;
}

export async function tick(deps: TickDeps, opts: TickOptions = {}): Promise<TickReport> {
  const now = deps.clock.now();
  // Cadence first: a gap whose date has already passed is reminded in this same tick.
  const cadence = await scheduleCadence(deps.store);
  const reminders = await sendDueReminders(deps.store, now, opts);
  const daily = await runDaily(deps.store, now, opts.seen);
  const report = { cadence, reminders, ...daily };
  if (cadence || reminders || daily.agendas || daily.nudges || daily.escalations) deps.logger?.info(report, 'reminder tick');
  return report;
}
