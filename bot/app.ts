/**
 * Wires the bot together: configuration → database → store → core. Every entry point (terminal
 * chat, Slack, Telegram, CLI subcommands) starts from here.
 */
import { createBot } from '../core/features.ts';
import { systemClock } from '../core/clock.ts';
import type { Clock, Logger, Store } from '../core/ports.ts';
import type { Core } from '../core/router.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { createStore } from '../db/store.ts';
import { semanticFrom } from './llm/semantic.ts';
import { createOpenAiLlm } from './llm/openai-llm.ts';
import type { Config } from './config.ts';


export interface App {
  config: Config;
  database: Database;
  store: Store;
  core: Core;
  logger: Logger;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  clock?: Clock;
  onProgress?: (message: string) => void;
}

export async function openApp(config: Config, opts: AppOptions): Promise<App> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onProgress: opts.onProgress,
  });
  const store = createStore(database.db);
  const core = createBot({
    store,
    clock: opts.clock ?? systemClock,
    logger: opts.logger,
    llm: config.openai ? createOpenAiLlm(config.openai) : undefined,
    semantic: semanticFrom(config),
    defaults: config.defaults,
  });
  return { config, database, store, core, logger: opts.logger, close: () => database.close() };
}
