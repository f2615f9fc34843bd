/**
 * The app side: Bolt listeners that acknowledge at once, turn the payload into a core message and
 * hand the slow part (core.handle, which may call an LLM, then posting) to `work`, which runs after
 * the acknowledgement. Knows nothing about HTTP or sockets (see transport.ts).
 */
import type { App } from '@slack/bolt';
import type { IncomingMessage } from '../../core/message.ts';
import type { Logger } from '../../core/ports.ts';
import type { Core } from '../../core/router.ts';
import { ACTION_ID_PATTERN, decodeAction } from './actions.ts';
import {
  type BlockActionFields,
  fromAppMention,
  fromBlockAction,
  fromHomeOpened,
  fromMessageEvent,
  fromSlashCommand,
  type HomeOpenedFields,
  type Inbound,
  type MessageEventFields,
  type SlashCommandFields,
} from './events.ts';
import type { Lanes } from './lanes.ts';
import type { Poster } from './poster.ts';
import type { UserNames } from './users.ts';

export interface ListenerDeps {
  core: Core;
  logger: Logger;
  poster: Poster;
  names: UserNames;
  /** One lane per chat: a chat's messages are handled in order. */
  chats: Lanes;
  botUserId: string;
  /** Keeps track of work still running after its acknowledgement (stop() waits for it). */
  track(work: Promise<unknown>): void;
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  const { core, logger, poster, names, chats, botUserId } = deps;
  const commandNames = new Set(core.commands.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((n) => n.toLowerCase())));

  async function answer(inbound: Inbound): Promise<void> {
    const { msg, target } = inbound;
    const userName = await names.nameFor(msg.platformUserId, msg.userName);
    const replies = await core.handle({ ...msg, userName });
    logger.debug({ deliveryId: msg.deliveryId, chatId: msg.chatId, replies: replies.length }, 'slack message handled');
    if (replies.length) await poster.post(target, replies);
  }

  async function showHome(msg: IncomingMessage): Promise<void> {
    const userName = await names.nameFor(msg.platformUserId);
    const replies = await core.handle({ ...msg, userName });
    if (replies.length) await poster.publishHome(msg.platformUserId, replies);
    logger.debug({ userId: msg.platformUserId }, 'slack home published');
  }

  /** Runs after the acknowledgement; failures are logged (the core already logged its own). */
  function later(what: string, key: string, fn: () => Promise<void>): void {
    deps.track(
      chats.run(key, fn).catch((err) => logger.error({ err, what, key }, 'slack: could not answer')),
    );
  }

  // Events are acknowledged by Bolt before listeners run.
  app.event('message', async ({ event, body }) => {
    const inbound = fromMessageEvent(event as unknown as MessageEventFields, body.event_id, botUserId);
    if (inbound) later('message', inbound.msg.chatId, () => answer(inbound));
  });

  app.event('app_mention', async ({ event, body }) => {
    const inbound = fromAppMention(event as unknown as MessageEventFields, body.event_id, botUserId);
    if (inbound) later('app_mention', inbound.msg.chatId, () => answer(inbound));
  });

  app.event('app_home_opened', async ({ event }) => {
    const msg = fromHomeOpened(event as unknown as HomeOpenedFields);
    if (msg) later('app_home_opened', `home:${msg.platformUserId}`, () => showHome(msg));
  });

  // Any slash command the app receives (the manifest declares /sales).
  app.command(/.*/, async ({ ack, body }) => {
    await ack();
    const inbound = fromSlashCommand(body as unknown as SlashCommandFields, commandNames);
    later('command', inbound.msg.chatId, () => answer(inbound));
  });

  app.action(ACTION_ID_PATTERN, async ({ ack, body }) => {
    await ack();
    const inbound = fromBlockAction(body as unknown as BlockActionFields, decodeAction);
    if (inbound) later('action', inbound.msg.chatId, () => answer(inbound));
  });

  app.error(async (err) => {
    logger.error({ err: err.message, code: err.code }, 'slack: listener failed');
  });
}
