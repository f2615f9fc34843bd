/**
 * Runs the reminder tick (core/reminders/tick.ts) every ~30 s of real time; what is due is decided
 * by the clock port. Several processes may run it against one database. Ticks never overlap
 * within a process, and a failed tick is logged and retried at the next interval.
 */
import type { Clock, Logger, Store } from '../core/ports.ts';
import { digestTick } from '../core/digest/tick.ts';
import { tick as runTick, type TickReport } from '../core/reminders/tick.ts';

export interface Scheduler {
  /** Runs one tick now (or joins the one in progress). */
  tick(): Promise<TickReport>;
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(opts: { store: Store; clock: Clock; logger: Logger; intervalMs?: number }): Scheduler {
  const seen = new Set<string>();
  const digestSeen = new Set<string>();
  // The digest runs after the reminders; its failure is logged and never stops them.
  const both = async (): Promise<TickReport> => {
    const report = await runTick(opts, { seen });
    await digestTick(opts, digestSeen).catch((err) => opts.logger.error({ err }, 'digest tick failed'));
    return report;
  };
  let running: Promise<TickReport> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  const tick = () => (running ??= both().finally(() => (running = null)));

  const loop = () => {
    tick()
      .catch((err) => opts.logger.error({ err }, 'reminder tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, opts.intervalMs ?? 30_000);
      });
  };

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
