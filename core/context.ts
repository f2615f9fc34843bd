import type { Viewer } from './access.ts';
import type { EmbeddingPort } from './knowledge/embeddings.ts';
import type { Lang } from './domain.ts';
import type { IncomingMessage } from './message.ts';
import type { Clock, ConversationState, LlmPort, Logger, Store } from './ports.ts';
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
  /** Optional embeddings for knowledge retrieval (fused with the lexical ranking). */
  semantic?: { embedder: EmbeddingPort; minSimilarity: number };
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
  /** A dialogue waiting for this message (loaded with the sender), or null. */
  dialogue: ConversationState | null;
}

export type Handler = (ctx: Context) => Promise<Reply[]>;
export type ActionHandler = (ctx: Context, value: string | undefined) => Promise<Reply[]>;
/** Handles the next message of a dialogue the feature started (see ConversationState). */
export type ContinuationHandler = (ctx: Context, state: ConversationState) => Promise<Reply[]>;

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
  /** Keyed by ConversationState.type. */
  continuations?: Record<string, ContinuationHandler>;
}

/** Identifies a chat for dialogue state: the same user may talk in several chats at once. */
export function chatKey(ctx: Pick<Context, 'msg'>): string {
  return `${ctx.msg.platform}:${ctx.msg.chatId}`;
}

/** How long a dialogue waits for the user's next message. */
export const DIALOGUE_TTL_MS = 15 * 60_000;
