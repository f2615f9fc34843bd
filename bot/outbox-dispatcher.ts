/**
 * Delivers one platform's outbox: claims due messages (a lease, so several processes never send
 * the same one), sends them, marks them sent; a failure is retried later with backoff. A message
 * that can never arrive (the chat blocked the bot or is gone, or it failed `maxAttempts` times) is
 * abandoned with an error log instead of being retried forever; its row stays for the record.
 * Time comes from the clock port; the polling interval is the only real timer.
 */
import type { Platform } from '../core/domain.ts';
import type { Clock, Logger, OutboxQueue } from '../core/ports.ts';
import type { OutboxMessage } from '../core/records.ts';

export interface DispatcherOptions {
  platform: Platform;
  queue: OutboxQueue;
  clock: Clock;
  logger: Logger;
  /** Sends one message; throws on failure. May wait (rate limits) before resolving. */
  send(message: OutboxMessage): Promise<void>;
  /** Whether a send error means the chat will never take the message (the platform knows). */
  isPermanent?(err: unknown): boolean;
  /** Tries before a message is abandoned (default 10: about four hours of backoff). */
  maxAttempts?: number;
  pollMs?: number;
  batch?: number;
  /** How long a claimed message is reserved for this process. */
  leaseMs?: number;
}

export interface Dispatcher {
  /** Delivers what is due now; resolves with how many were sent. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/** 30 s, 1 min, 2 min … capped at 30 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const { queue, clock, logger, platform } = opts;
  const batch = opts.batch ?? 50;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const maxAttempts = opts.maxAttempts ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let stopped = true;

  async function drainOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = clock.now();
      const due = await queue.claimDue(platform, now, new Date(now.getTime() + leaseMs), batch);
      if (!due.length) return sent;
      for (const message of due) {
        try {
          await opts.send(message);
          await queue.markSent(message.id, clock.now());
          sent += 1;
        } catch (err) {
          const error = (err as Error).message;
          const permanent = opts.isPermanent?.(err) ?? false;
          if (permanent || message.attempts >= maxAttempts) {
            logger.error({ err: error, platform, outboxId: message.id, chatId: message.chatId, attempts: message.attempts, permanent }, 'outbox message abandoned');
            await queue.markAbandoned(message.id, error, clock.now());
            continue;
          }
          const retryAt = new Date(clock.now().getTime() + retryDelayMs(message.attempts));
          logger.warn({ err: error, platform, outboxId: message.id, retryAt }, 'outbox delivery failed; will retry');
          await queue.markFailed(message.id, error, retryAt);
        }
      }
      if (due.length < batch) return sent;
    }
  }

  const drain = () => (running ??= drainOnce().finally(() => (running = null)));

  const tick = () => {
    drain()
      .catch((err) => logger.error({ err, platform }, 'outbox dispatcher failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.pollMs ?? 1_000);
      });
  };

  return {
    drain,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
