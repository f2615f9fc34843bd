/**
 * Display names for people the core has not met yet (it keeps the name from the first message).
 * Asks users.info once per person and process; a failure just leaves the name out.
 */
import type { webApi } from '@slack/bolt';
import type { Logger, Store } from '../../core/ports.ts';

export interface UserNames {
  /** The name to hand the core for `userId`, or undefined when the core knows them already. */
  nameFor(userId: string, fromEvent?: string): Promise<string | undefined>;
}

export function createUserNames(client: webApi.WebClient, store: Store, logger: Logger): UserNames {
  const cache = new Map<string, string | undefined>();
  return {
    async nameFor(userId, fromEvent) {
      if (fromEvent) return fromEvent;
      if (cache.has(userId)) return cache.get(userId);
      if (await store.users.findByIdentity('slack', userId)) return undefined;
      let name: string | undefined;
      try {
        const { user } = await client.users.info({ user: userId });
        name = user?.profile?.display_name?.trim() || user?.real_name?.trim() || user?.name?.trim() || undefined;
      } catch (err) {
        logger.warn({ err: (err as Error).message, userId }, 'users.info failed; using the Slack user id as name');
      }
      if (cache.size > 10_000) cache.clear();
      cache.set(userId, name);
      return name;
    },
  };
}
