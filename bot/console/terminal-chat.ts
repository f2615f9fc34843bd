/**
 * The terminal chat: the bot for one local user, on stdin/stdout. Interactive with a prompt on a
 * terminal; line by line and exiting at end of input when piped, so it can be scripted.
 */
import { createInterface } from 'node:readline';
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
}

export async function runTerminalChat(opts: TerminalChatOptions): Promise<void> {
  const { core, output } = opts;
  const rl = createInterface({ input: opts.input, output: opts.interactive ? output : undefined, terminal: opts.interactive });
  let pending: Button[] = [];
  let count = 0;
  const prompt = () => {
    if (opts.interactive) rl.prompt();
  };
  if (opts.greeting && opts.interactive) output.write(`${opts.greeting}\n`);
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
      chatId: `console:${opts.user}`,
      chatType: 'direct',
      text: tap ? tap.label : line,
      action: tap ? { name: tap.action, value: tap.value } : undefined,
      messageId: `console:${process.pid}:${count}`,
    });
    const { text, buttons } = renderForTerminal(replies);
    pending = buttons;
    if (text) output.write(`${text}\n${opts.interactive ? '' : '\n'}`);
    prompt();
  }
  rl.close();
}
