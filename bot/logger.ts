/**
 * Structured logs (pino) on stderr, so stdout stays the chat. Phone numbers are masked in every
 * message and field before anything is written.
 */
import pino from 'pino';
import { maskPhonesIn } from '../core/phone.ts';
import type { Logger } from '../core/ports.ts';

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPhonesIn(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}

export function createLogger(level = 'info', destination: number | NodeJS.WritableStream = 2): Logger & pino.Logger {
  return pino(
    {
      level,
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => maskDeep(a)) as Parameters<typeof method>);
        },
      },
    },
    typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination,
  );
}
