/** Shared pieces of the `salesbot` subcommands. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Logger } from '../../core/ports.ts';
import { type App, openApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Subcommand {
  name: string;
  /** One usage line for the help text. */
  usage: string;
  summary: string;
  run(args: string[], io: Io): Promise<number>;
}

/** Bad flags or arguments: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

type FlagSpec = Record<string, { type: 'string' | 'boolean' }>;

export function parseFlags<T extends FlagSpec>(args: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The configuration from the environment, plus a .env file in the current folder if there is one. */
export function readConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return loadConfig(process.env);
}

/** All of stdin as text. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

/**
 * Opens the bot's database and core for a subcommand: its logger (LOG_LEVEL, else `level`), and
 * first-start progress on stderr so a slow embedded-database creation does not look hung.
 */
export async function openForCommand(config: Config, io: Io, level: 'warn' | 'info'): Promise<{ app: App; logger: Logger }> {
  const logger = createLogger(config.logLevel ?? level);
  const app = await openApp(config, { logger, onProgress: (m) => io.stderr.write(`${m}\n`) });
  return { app, logger };
}
