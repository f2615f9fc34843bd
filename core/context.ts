import type { Viewer } from './access.ts';
import type { Lang } from './domain.ts';
import type { IncomingMessage } from './message.ts';
import type { Clock, LlmPort, Logger, Outbox, Store } from './ports.ts';
import type { TeamRecord, UserRecord } from './records.ts';
import type { Reply } from './reply.ts';

/** Defaults for a team created by the bot itself (the default team). */
export interface TeamDefaults {
  teamName: string;
  timezone: string;
  lang: Lang;
}

export interface CoreDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  llm?: LlmPort;
  outbox?: Outbox;
  defaults: TeamDefaults;
}

/** Everything a handler knows about the message it is answering. */
export interface Context {
  deps: CoreDeps;
  store: Store;
  msg: IncomingMessage;
  user: UserRecord;
  viewer: Viewer;
  /** The team the user works in (their first team; the default team if they have none). */
  team: TeamRecord;
  lang: Lang;
  /** When the message was sent. */
  now: Date;
}

export type Handler = (ctx: Context) => Promise<Reply[]>;
export type ActionHandler = (ctx: Context, value: string | undefined) => Promise<Reply[]>;

export interface Command {
  name: string;
  aliases?: string[];
  /** Usage line and one-line summary for /help, in the user's language. */
  help(lang: Lang): { usage: string; summary: string };
  /** Listed by /help only for managers and admins. */
  managersOnly?: boolean;
  run(ctx: Context, args: string): Promise<Reply[]>;
}

/**
 * A capability plugged into the router: its commands, its button actions, and the handlers for
 * the free-text intents it owns.
 */
export interface Feature {
  commands?: Command[];
  actions?: Record<string, ActionHandler>;
  callLog?: Handler;
  question?: Handler;
}
