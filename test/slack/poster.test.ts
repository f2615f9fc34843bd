/** The poster against the Web API stand-in: per-channel spacing and order, 429 handling. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { createPoster } from '../../bot/slack/poster.ts';
import { textReply } from '../../core/reply.ts';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe('Slack poster', () => {
  let standIn: SlackStandIn;
  let client: webApi.WebClient;
  beforeEach(async () => {
    standIn = await startSlackStandIn();
    client = new webApi.WebClient('xoxb-test', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: webApi.LogLevel.ERROR });
  });
  afterEach(() => standIn.close());

  it('spaces messages to one channel and keeps their order; other channels do not wait', async () => {
    const poster = createPoster({ client, logger: quiet, spacingMs: 150 });
    await Promise.all([
      poster.post({ kind: 'channel', channel: 'C1' }, [textReply('one'), textReply('two')]),
      poster.post({ kind: 'channel', channel: 'C2' }, [textReply('other')]),
    ]);
    const posts = standIn.callsTo('chat.postMessage');
    const c1 = posts.filter((c) => c.params.channel === 'C1');
    const c2 = posts.find((c) => c.params.channel === 'C2')!;
    expect(c1.map((c) => c.params.text)).toEqual(['one', 'two']);
    expect(c1[1]!.at - c1[0]!.at).toBeGreaterThanOrEqual(140);
    expect(c2.at).toBeLessThan(c1[1]!.at);
  });

  it('retries a 429 after its Retry-After, and gives up (throws) after too many', async () => {
    const waits: number[] = [];
    const poster = createPoster({ client, logger: quiet, spacingMs: 0, maxRateLimitRetries: 2, rateLimitDelayMs: (s) => (waits.push(s), 1) });
    standIn.rateLimitNext(2, 3);
    await poster.post({ kind: 'channel', channel: 'C1' }, [textReply('hello')]);
    expect(standIn.calls.map((c) => c.rateLimited)).toEqual([true, true, false]);
    expect(waits).toEqual([3, 3]);

    standIn.rateLimitNext(5, 1);
    await expect(poster.post({ kind: 'channel', channel: 'C1' }, [textReply('again')])).rejects.toMatchObject({ code: webApi.ErrorCode.RateLimitedError });
  });

  it('throws when Slack refuses a message (the outbox dispatcher then retries later)', async () => {
    const poster = createPoster({ client, logger: quiet, spacingMs: 0 });
    await expect(poster.post({ kind: 'channel', channel: '' }, [textReply('x')])).rejects.toThrow(/channel_not_found/);
  });
});
