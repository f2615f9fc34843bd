/**
 * `salesbot` — the command line. Each subcommand parses its own flags strictly: an unknown
 * subcommand or flag prints usage and exits non-zero.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DataDirBusyError } from '../db/pglite-lock.ts';
import { openApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { runTerminalChat } from './console/terminal-chat.ts';
import { createLogger } from './logger.ts';

const USAGE = `Usage: salesbot <command> [options]

Commands:
  start               start the bot (terminal chat when no Slack/Telegram token is set)
  chat [--user NAME]  chat with the bot in this terminal as a local user
  migrate             apply database migrations and exit
  help                show this help

Configuration comes from environment variables (see .env.example); a .env file in the
current folder is read too. By default data lives in ./.data (embedded PostgreSQL);
set DATABASE_URL=postgres://… to use a PostgreSQL server.`;

type Io = { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };

class UsageError extends Error {}

function flags<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function readConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return loadConfig(process.env);
}

async function chat(args: string[], io: Io): Promise<number> {
  const { user } = flags(args, { user: { type: 'string' } });
  const config = readConfig();
  const interactive = Boolean(io.stdin.isTTY);
  // In the terminal the chat owns the screen: only warnings reach stderr unless LOG_LEVEL says otherwise.
  const logger = createLogger(config.logLevel ?? 'warn');
  const app = await openApp(config, { logger, onProgress: (m) => io.stderr.write(`${m}\n`) });
  try {
    const name = user?.trim() || userInfo().username || 'local';
    await runTerminalChat({
      core: app.core,
      input: io.stdin,
      output: io.stdout,
      user: name,
      interactive,
      greeting: `salesbot — ${name}. /help 查看命令 · /help for commands · Ctrl+D ${config.defaults.lang === 'zh' ? '退出' : 'to quit'}`,
    });
    return 0;
  } finally {
    await app.close();
  }
}

async function migrate(args: string[], io: Io): Promise<number> {
  flags(args, {});
  const config = readConfig();
  const logger = createLogger(config.logLevel ?? 'info');
  const app = await openApp(config, { logger, onProgress: (m) => io.stderr.write(`${m}\n`) });
  await app.close();
  io.stdout.write(`Database is up to date (${app.database.kind}).\n`);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  start: (args, io) => chat(args, io),
  chat,
  migrate,
};

export async function main(argv: string[], io: Io = process): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    (command ? io.stdout : io.stderr).write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`Unknown command: ${command}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof DataDirBusyError) {
      io.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
