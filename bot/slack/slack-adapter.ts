import type { AdapterDeps, ChatAdapter } from '../adapter.ts';
import type { SlackConfig } from '../config.ts';

/** Placeholder until the Slack adapter lands: refuses to start rather than pretend. */
export function createSlackAdapter(_deps: AdapterDeps, _config: SlackConfig): ChatAdapter {
  return {
    platform: 'slack',
    async start() {
      throw new Error('The Slack adapter is not built yet.');
    },
    async stop() {},
  };
}
