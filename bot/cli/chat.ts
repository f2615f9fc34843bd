import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readKbFolder } from '../../core/kb/folder.ts';
import { importArticles } from '../../core/knowledge/import.ts';
import type { Store } from '../../core/ports.ts';
import { systemClock } from '../../core/clock.ts';
import type { AdapterDeps, ChatAdapter } from '../adapter.ts';
import { createHttpServer } from '../http-server.ts';
import { runTerminalChat } from '../console/terminal-chat.ts';
import { createScheduler } from '../scheduler.ts';
import { type Io, openForCommand, parseFlags, readConfig, type Subcommand } from './common.ts';

/** The demo knowledge base shipped in kb/ (a fictional company). */
const DEMO_KB = fileURLToPath(new URL('../../kb', import.meta.url));

/**
 * A brand-new database (nobody has used it, no articles) gets the demo knowledge base, so the
 * first `npm start` has something to answer. Nothing else imports it.
 */
async function importDemoKnowledge(store: Store, io: Io): Promise<void> {
  if ((await store.teams.anyAdmin()) || (await store.knowledge.count()) > 0) return;
  const report = await importArticles(store, await readKbFolder(DEMO_KB));
  io.stderr.write(`Imported the demo knowledge base (kb/, a fictional company): ${report.created} articles. Use your own with: npx salesbot kb import DIR --sync\n`);
}

async function chat(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, { user: { type: 'string' } });
  const config = readConfig();
  // In the terminal the chat owns the screen: only warnings reach stderr unless LOG_LEVEL says otherwise.
  const { app, logger } = await openForCommand(config, io, 'warn');
  try {
    const name = values.user?.trim() || userInfo().username || 'local';
    await importDemoKnowledge(app.store, io);
    // Reminders due while nobody typed are ticked into the outbox before each line, and the chat
    // prints the console's outbox after each line.
    const scheduler = createScheduler({ store: app.store, clock: systemClock, logger });
    const tickFirst = () => scheduler.tick().catch((err) => logger.error({ err }, 'reminder tick failed'));
    await tickFirst();
    await runTerminalChat({
      core: { ...app.core, handle: async (msg) => (await tickFirst(), app.core.handle(msg)) },
      outbox: app.store.outbox,
      input: io.stdin,
      output: io.stdout,
      user: name,
      interactive: Boolean(io.stdin.isTTY),
      greeting: `salesbot — ${name}. /help 查看命令 · /help for commands · Ctrl+D ${config.defaults.lang === 'zh' ? '退出' : 'to quit'}`,
    });
    return 0;
  } finally {
    await app.close();
  }
}

export const chatCommand: Subcommand = {
  name: 'chat',
  usage: 'chat [--user NAME]',
  summary: 'chat with the bot in this terminal as a local user',
  run: chat,
};

/** Runs the configured chat platforms until SIGINT/SIGTERM; the terminal chat when none is set. */
async function start(args: string[], io: Io): Promise<number> {
  const config = readConfig();
  if (!config.slack && !config.telegram) return chat(args, io);
  parseFlags(args, {});
  const { app, logger } = await openForCommand(config, io, 'info');
  const http = createHttpServer((err) => logger.error({ err }, 'HTTP handler failed'));
  const deps: AdapterDeps = { core: app.core, store: app.store, logger, clock: systemClock, http };
  const adapters: ChatAdapter[] = [];
  // Loaded only when configured: Bolt and grammY add a third of a second to every other command.
  if (config.slack) adapters.push((await import('../slack/slack-adapter.ts')).createSlackAdapter(deps, config.slack));
  if (config.telegram) adapters.push((await import('../telegram/telegram-adapter.ts')).createTelegramAdapter(deps, config.telegram));
  const scheduler = createScheduler({ store: app.store, clock: systemClock, logger });
  // Listen before the adapters start: Telegram posts updates as soon as setWebhook returns.
  const webhooks = Boolean((config.slack && !config.slack.appToken) || config.telegram?.webhookUrl);
  try {
    if (webhooks) logger.info({ port: await http.listen(config.port) }, 'listening for webhooks');
    for (const a of adapters) await a.start();
    scheduler.start();
    logger.info({ platforms: adapters.map((a) => a.platform) }, 'salesbot is running');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    return 0;
  } finally {
    await scheduler.stop();
    for (const a of adapters) await a.stop().catch((err) => logger.error({ err }, 'adapter stop failed'));
    if (webhooks) await http.close();
    await app.close();
  }
}

export const startCommand: Subcommand = {
  name: 'start',
  usage: 'start',
  summary: 'start the bot: Slack and/or Telegram when configured, else the terminal chat',
  run: start,
};
