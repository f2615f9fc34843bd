/** Bolt's and the Web API client's logging, routed into the bot's logger. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';

export function boltLogger(logger: Logger): BoltLogger {
  const line = (parts: unknown[]) =>
    parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => logger.debug({ component: 'slack' }, line(m)),
    info: (...m: unknown[]) => logger.info({ component: 'slack' }, line(m)),
    warn: (...m: unknown[]) => logger.warn({ component: 'slack' }, line(m)),
    error: (...m: unknown[]) => logger.error({ component: 'slack' }, line(m)),
    // The bot's logger decides what is written; Bolt's own level only matters to Bolt.
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
