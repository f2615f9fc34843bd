/**
 * What every chat-platform adapter provides. An adapter turns platform events into core messages
 * and core replies into platform output; no business rule lives in it.
 */
import type { Clock, Logger, Store } from '../core/ports.ts';
import type { Core } from '../core/router.ts';
import type { HttpRoutes } from './http-server.ts';

export interface ChatAdapter {
  readonly platform: 'slack' | 'telegram';
  /** Connects (polling, socket, webhook routes) and starts delivering this platform's outbox. */
  start(): Promise<void>;
  /** Stops receiving and delivering; resolves when in-flight work is done. */
  stop(): Promise<void>;
}

/** What the wiring (bot/cli/chat.ts) hands every adapter. */
export interface AdapterDeps {
  core: Core;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** The shared HTTP server (PORT) for webhook-style transports. */
  http: HttpRoutes;
}
