/**
 * The outbox dispatcher against a real database queue and an injected clock: failures are retried
 * with backoff, and a message that keeps failing is abandoned after `maxAttempts` instead of being
 * retried forever (a chat that blocked the bot would otherwise be tried every 30 minutes for ever).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, retryDelayMs } from '../../bot/outbox-dispatcher.ts';
import { ManualClock } from '../../core/clock.ts';
import { textReply } from '../../core/reply.ts';
import type { OutboxMessage } from '../../core/records.ts';
import { captureLogs } from '../support/log-capture.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';

describe.each(databaseKinds())('outbox dispatcher on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(() => database.close());

  it('retries a failing message with backoff, then abandons it after maxAttempts', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const { logger, logs } = captureLogs();
    const tries: OutboxMessage[] = [];
    const dispatcher = createDispatcher({
      platform: 'telegram',
      queue: database.store.outbox,
      clock,
      logger,
      maxAttempts: 3,
      async send(message) {
        tries.push(message);
        throw new Error('network down');
      },
    });
    await database.store.outbox.send({ platform: 'telegram', chatId: '1' }, [textReply('提醒')], { notBefore: clock.now() });

    expect(await dispatcher.drain()).toBe(0);
    expect(tries).toHaveLength(1);
    expect(await dispatcher.drain()).toBe(0); // not due again before its backoff
    expect(tries).toHaveLength(1);
    clock.advance(retryDelayMs(1));
    await dispatcher.drain();
    clock.advance(retryDelayMs(2));
    await dispatcher.drain();
    expect(tries.map((t) => t.attempts)).toEqual([1, 2, 3]);
    expect(logs.filter((l) => l.msg === 'outbox message abandoned')).toHaveLength(1);

    clock.advance(24 * 3_600_000);
    await dispatcher.drain();
    expect(tries).toHaveLength(3); // given up: never tried again
  });

  it('abandons at once what the platform calls permanent, and keeps sending the rest', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const { logger } = captureLogs();
    const sent: string[] = [];
    const dispatcher = createDispatcher({
      platform: 'slack',
      queue: database.store.outbox,
      clock,
      logger,
      isPermanent: (err) => (err as Error).message === 'channel_not_found',
      async send(message) {
        if (message.chatId === 'gone') throw new Error('channel_not_found');
        sent.push(message.chatId);
      },
    });
    await database.store.outbox.send({ platform: 'slack', chatId: 'gone' }, [textReply('日报')], { notBefore: clock.now() });
    await database.store.outbox.send({ platform: 'slack', chatId: 'C1' }, [textReply('日报')], { notBefore: clock.now() });
    expect(await dispatcher.drain()).toBe(1);
    expect(sent).toEqual(['C1']);
    const later = new Date(clock.now().getTime() + 3_600_000);
    expect(await database.store.outbox.claimDue('slack', later, later, 10)).toEqual([]);
  });
});
