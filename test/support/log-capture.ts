/**
 * A real logger whose JSON lines the test can read (instead of stderr).
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger.ts';
import type { Logger } from '../../core/ports.ts';

export function captureLogs(level = 'debug'): { logger: Logger; logs: Array<Record<string, unknown>> } {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(level, sink), logs };
}
