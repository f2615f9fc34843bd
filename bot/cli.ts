/**
 * `salesbot` — the command line. Each subcommand lives in bot/cli/ and parses its own flags
 * strictly: an unknown subcommand or flag prints usage and exits 2.
 */
import { DataDirBusyError } from '../db/pglite-lock.ts';
import { chatCommand, startCommand } from './cli/chat.ts';
import { type Io, type Subcommand, UsageError } from './cli/common.ts';
import { askCommand } from './cli/ask.ts';
import { demoCommand } from './cli/demo.ts';
import { evalCallsCommand } from './cli/eval-calls.ts';
import { evalKbCommand } from './cli/eval-kb.ts';
import { kbCommand } from './cli/kb.ts';
import { migrateCommand } from './cli/migrate.ts';
import { parseCommand } from './cli/parse.ts';
import { ConfigError } from './config.ts';

const SUBCOMMANDS: Subcommand[] = [startCommand, chatCommand, migrateCommand, parseCommand, evalCallsCommand, kbCommand, askCommand, evalKbCommand, demoCommand];

function usage(): string {
  const lines = SUBCOMMANDS.map((c) => `  salesbot ${c.usage}\n      ${c.summary}`);
  return `Usage: salesbot <command> [options]

Commands:
${lines.join('\n')}
  salesbot help
      show this help

Configuration comes from environment variables (see .env.example); a .env file in the
current folder is read too. By default data lives in ./.data (embedded PostgreSQL);
set DATABASE_URL=postgres://… to use a PostgreSQL server.`;
}

export async function main(argv: string[], io: Io = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = SUBCOMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`Unknown command: ${name}\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${err.message}\n\n${usage()}\n`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof DataDirBusyError) {
      io.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
