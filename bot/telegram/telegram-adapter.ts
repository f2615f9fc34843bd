import type { AdapterDeps, ChatAdapter } from '../adapter.ts';
import type { TelegramConfig } from '../config.ts';

/** Placeholder until the Telegram adapter lands: refuses to start rather than pretend. */
export function createTelegramAdapter(_deps: AdapterDeps, _config: TelegramConfig): ChatAdapter {
  return {
    platform: 'telegram',
    async start() {
      throw new Error('The Telegram adapter is not built yet.');
    },
    async stop() {},
  };
}
