/**
 * The terminal chat: the bot for one local user, on stdin/stdout. Interactive with a prompt on a
 * terminal; line by line and exiting at end of input when piped, so it can be scripted.
 */
import { createInterface } from 'node:readline';
import type { OutboxQueue } from '../../core/ports.ts';
import type { Core } from '../../core/router.ts';
import type { Button } from '../../core/reply.ts';
import { renderForTerminal } from './render.ts';

export interface TerminalChatOptions {
  core: Core;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Local user name: the console identity. */
  user: string;
  interactive: boolean;
  greeting?: string;
  /** Messages the bot sent this user on its own (e.g. a manager answered their question). */
  outbox?: OutboxQueue;
}

/** Prints what the outbox holds for this terminal's chat, and marks it sent. */
async function deliverOutbox(opts: TerminalChatOptions, chatId: string): Promise<Button[]> {
  if (!opts.outbox) return [];
  const now = new Date();
  const due = await opts.outbox.claimDue('console', now, new Date(now.getTime() + 60_000), 20, chatId);
  let buttons: Button[] = [];
  for (const message of due) {
    const { text, buttons: b } = renderForTerminal(message.replies);
    opts.output.write(`${text}\n${opts.interactive ? '' : '\n'}`);
    buttons = b;
    await opts.outbox.markSent(message.id, new Date());
  }
  return buttons;
}

export async function runTerminalChat(opts: TerminalChatOptions): Promise<void> {
  const { core, output } = opts;
  const chatId = `console:${opts.user}`;
  if (opts.greeting && opts.interactive) output.write(`${opts.greeting}\n`);
  // Before readline exists: stdin stays paused (and buffers) until it attaches. Awaiting between
  // createInterface and the loop below would lose the lines read meanwhile.
  let pending: Button[] = await deliverOutbox(opts, chatId);
  const rl = createInterface({ input: opts.input, output: opts.interactive ? output : undefined, terminal: opts.interactive });
  let count = 0;
  const prompt = () => {
    if (opts.interactive) rl.prompt();
  };
  rl.setPrompt('> ');
  prompt();

  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      prompt();
      continue;
    }
    if (opts.interactive && (line === '/quit' || line === '/exit')) break;
    count += 1;
    const tap = /^\d{1,2}$/.test(line) ? pending[Number(line) - 1] : undefined;
    const replies = await core.handle({
      platform: 'console',
      platformUserId: opts.user,
      userName: opts.user,
      chatId,
      chatType: 'direct',
      text: tap ? tap.label : line,
      action: tap ? { name: tap.action, value: tap.value } : undefined,
      messageId: `console:${process.pid}:${count}`,
    });
    const { text, buttons } = renderForTerminal(replies);
    pending = buttons;
    if (text) output.write(`${text}\n${opts.interactive ? '' : '\n'}`);
    const delivered = await deliverOutbox(opts, chatId);
    if (delivered.length) pending = delivered;
    prompt();
  }
  rl.close();
}
