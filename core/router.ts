/**
 * The router: a message (or a button tap) → who sent it → intent → handler → replies.
 * Deduplicates platform retries before doing anything, and turns any failure into a friendly
 * reply in the user's language (the failure is logged; nothing the user typed is lost).
 */
import {
  type ActionHandler,
  chatKey,
  type Command,
  type Context,
  type ContinuationHandler,
  type CoreDeps,
  DIALOGUE_TTL_MS,
  type Feature,
  type Handler,
} from './context.ts';
import { defineMessages } from './i18n.ts';
import { classify } from './intent.ts';
import type { IncomingMessage } from './message.ts';
import { resolveSender } from './identity.ts';
import type { Reply } from './reply.ts';
import { textReply } from './reply.ts';

const text = defineMessages(
  {
    unknownCommand: (name: string) => `没有 /${name} 这个命令。发送 /help 查看可用命令。`,
    expiredButton: '这个按钮已失效，请重新操作。',
    failed: '抱歉，处理这条消息时出错了。你的消息没有丢失，请稍后再试一次。',
    notReady: {
      call_log: '这看起来是一条通话记录，但通话记录功能还没有启用。',
      question: '这看起来是一个问题，但知识库功能还没有启用。',
    },
    other: '我没太明白。可以直接告诉我刚打的电话（例如“张总没接，明天上午再打”），或者问我问题；发送 /help 查看命令。',
    empty: '请发送文字消息。发送 /help 查看命令。',
    which: '这条是通话记录，还是想问个问题？',
    asLog: '记录为通话',
    asQuestion: '这是个问题',
  },
  {
    unknownCommand: (name: string) => `There is no /${name} command. Send /help to see what I can do.`,
    expiredButton: 'This button has expired; please start again.',
    failed: 'Sorry, something went wrong handling that message. Nothing you sent was lost; please try again in a moment.',
    notReady: {
      call_log: 'That looks like a call log, but call logging is not enabled yet.',
      question: 'That looks like a question, but the knowledge base is not enabled yet.',
    },
    other: 'I did not quite get that. Tell me about a call you just made ("Mr Li, no answer, try again tomorrow morning"), ask me a question, or send /help.',
    empty: 'Please send a text message. Send /help to see the commands.',
    which: 'Is this a call log, or a question?',
    asLog: 'Log as a call',
    asQuestion: 'It is a question',
  },
);

export interface Core {
  handle(msg: IncomingMessage): Promise<Reply[]>;
  commands: Command[];
}

/** Splits "/team add 李四 rep" into ("team", "add 李四 rep"); tolerates full-width slash and @bot suffixes. */
export function parseCommand(input: string): { name: string; args: string } {
  const m = input.trim().match(/^[/／]([^\s@]+)(?:@\S+)?\s*([\s\S]*)$/);
  return { name: (m?.[1] ?? '').toLowerCase(), args: (m?.[2] ?? '').trim() };
}

export function createCore(deps: CoreDeps, features: Feature[]): Core {
  const commands: Command[] = features.flatMap((f) => f.commands ?? []);
  const byName = new Map<string, Command>();
  for (const c of commands) for (const n of [c.name, ...(c.aliases ?? [])]) byName.set(n, c);
  const actions = new Map<string, ActionHandler>();
  for (const f of features) for (const [name, h] of Object.entries(f.actions ?? {})) actions.set(name, h);
  const continuations = new Map<string, ContinuationHandler>();
  for (const f of features) for (const [type, h] of Object.entries(f.continuations ?? {})) continuations.set(type, h);
  const callLog: Handler | undefined = features.find((f) => f.callLog)?.callLog;
  const question: Handler | undefined = features.find((f) => f.question)?.question;

  // When the router could not tell a log from a question it asked; the answer replays the text.
  async function routeAs(ctx: Context, handler: Handler | undefined): Promise<Reply[]> {
    const state = ctx.dialogue;
    if (state?.type !== 'route' || typeof state.text !== 'string' || !handler) return [textReply(text(ctx.lang).expiredButton)];
    await ctx.store.conversations.clear(ctx.user.id, chatKey(ctx));
    return handler({ ...ctx, msg: { ...ctx.msg, text: state.text, action: undefined } });
  }
  actions.set('route.log', (ctx) => routeAs(ctx, callLog));
  actions.set('route.question', (ctx) => routeAs(ctx, question));

  async function dispatch(ctx: Context): Promise<Reply[]> {
    const t = text(ctx.lang);
    if (ctx.msg.action) {
      const handler = actions.get(ctx.msg.action.name);
      return handler ? handler(ctx, ctx.msg.action.value) : [textReply(t.expiredButton)];
    }
    const input = ctx.msg.text.trim();
    if (!input) return [textReply(t.empty)];
    const { intent, unsure } = classify(input);

    // A dialogue in progress (e.g. Edit waiting for the correction) takes the next non-command message.
    if (intent !== 'command') {
      const state = ctx.dialogue;
      const continuation = state && continuations.get(state.type);
      if (state && continuation) {
        await ctx.store.conversations.clear(ctx.user.id, chatKey(ctx));
        return continuation(ctx, state);
      }
    }

    if (unsure && callLog && question && (intent === 'call_log' || intent === 'question')) {
      const expires = new Date(ctx.now.getTime() + DIALOGUE_TTL_MS);
      await ctx.store.conversations.set(ctx.user.id, chatKey(ctx), { type: 'route', text: input }, expires);
      return [
        textReply(t.which, [
          { label: t.asLog, action: 'route.log' },
          { label: t.asQuestion, action: 'route.question' },
        ]),
      ];
    }

    switch (intent) {
      case 'command': {
        const { name, args } = parseCommand(input);
        const command = byName.get(name);
        return command ? command.run(ctx, args) : [textReply(t.unknownCommand(name))];
      }
      case 'call_log':
        return callLog ? callLog(ctx) : [textReply(t.notReady.call_log)];
      case 'question':
        return question ? question(ctx) : [textReply(t.notReady.question)];
      default:
        return [textReply(t.other)];
    }
  }

  async function handle(msg: IncomingMessage): Promise<Reply[]> {
    const { store, logger } = deps;
    const delivery = msg.deliveryId;
    let claimed = false;
    let lang = deps.defaults.lang;
    try {
      const now = msg.sentAt ?? deps.clock.now();
      const key = chatKey({ msg });
      const opened = await store.users.openMessage({ platform: msg.platform, platformUserId: msg.platformUserId, chatKey: key, now, deliveryId: delivery });
      if (opened.duplicate) {
        logger.info({ platform: msg.platform, deliveryId: delivery }, 'duplicate delivery skipped');
        return [];
      }
      claimed = Boolean(delivery);
      const sender = await resolveSender(deps, msg, key, now, opened.session);
      lang = sender.lang;
      const ctx: Context = { deps, store, msg, ...sender, now };
      return await dispatch(ctx);
    } catch (err) {
      logger.error({ err, platform: msg.platform, chatId: msg.chatId }, 'message handling failed');
      // Let the platform's retry (or the user's resend) be processed instead of skipped.
      if (delivery && claimed) await store.deliveries.release(msg.platform, delivery).catch(() => undefined);
      return [textReply(text(lang).failed)];
    }
  }

  return { handle, commands };
}
