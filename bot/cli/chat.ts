import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readKbFolder } from '../../core/kb/folder.ts';
import { importArticles } from '../../core/knowledge/import.ts';
import type { Store } from '../../core/ports.ts';
import { openApp } from '../app.ts';
import { runTerminalChat } from '../console/terminal-chat.ts';
import { createLogger } from '../logger.ts';
import { type Io, parseFlags, readConfig, type Subcommand } from './common.ts';

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
  const logger = createLogger(config.logLevel ?? 'warn');
  const app = await openApp(config, { logger, onProgress: (m) => io.stderr.write(`${m}\n`) });
  try {
    const name = values.user?.trim() || userInfo().username || 'local';
    await importDemoKnowledge(app.store, io);
    await runTerminalChat({
      core: app.core,
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

export const startCommand: Subcommand = {
  name: 'start',
  usage: 'start',
  summary: 'start the bot (terminal chat when no Slack/Telegram token is set)',
  run: chat,
};
