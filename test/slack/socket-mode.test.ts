import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createHttpServer } from '../../bot/http-server.ts';
import { createLogger } from '../../bot/logger.ts';
import { createSlackAdapter } from '../../bot/slack/slack-adapter.ts';
import type { ChatAdapter } from '../../bot/adapter.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';
import { STAND_IN_BOT_ID, STAND_IN_BOT_USER_ID, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.ts';

/** A Socket Mode peer: says hello, pushes envelopes, collects the acks. */
async function startSocketPeer() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const acks: string[] = [];
  let client: WebSocket | undefined;
  const connected = new Promise<WebSocket>((resolve) =>
    server.on('connection', (ws) => {
      client = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string };
        if (msg.envelope_id) acks.push(msg.envelope_id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: 'A0APP' } }));
      resolve(ws);
    }),
  );
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/link`,
    acks,
    connected,
    push: (envelope: object) => client!.send(JSON.stringify(envelope)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
}

describe('Slack adapter in Socket Mode', () => {
  let bot: TestBot | undefined;
  let standIn: SlackStandIn | undefined;
  let adapter: ChatAdapter | undefined;
  let peer: Awaited<ReturnType<typeof startSocketPeer>> | undefined;
  afterEach(async () => {
    await adapter?.stop();
    await peer?.close();
    await standIn?.close();
    await bot?.close();
  });

  it('connects out through apps.connections.open, acks each envelope, and logs the call once', async () => {
    bot = await createTestBot('pglite');
    standIn = await startSlackStandIn();
    peer = await startSocketPeer();
    standIn.socketUrl = peer.url;
    const http = createHttpServer(() => undefined);
    const sink = new Writable({ write: (_c, _e, done) => done() });
    adapter = createSlackAdapter(
      { core: bot.core, store: bot.database.store, logger: createLogger('silent', sink), clock: bot.clock, http },
      { botToken: 'xoxb-test-token', appToken: 'xapp-test-token', apiUrl: standIn.apiUrl },
      { botId: STAND_IN_BOT_ID, botUserId: STAND_IN_BOT_USER_ID, retryConfig: { retries: 0 }, spacingMs: 0, outboxPollMs: 20 },
    );
    await adapter.start();
    await peer.connected;
    expect(http.used).toBe(false); // no HTTP route in Socket Mode
    expect(standIn.callsTo('apps.connections.open')).toHaveLength(1);

    const envelope = (id: string) => ({
      envelope_id: id,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      payload: {
        type: 'event_callback',
        team_id: 'T0TEAM',
        api_app_id: 'A0APP',
        event_id: 'Ev0SOCKET1',
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'message', channel_type: 'im', channel: 'D0ANN', user: 'U0ANN', text: '张总13812345678没接，明天上午再打', ts: '1800000000.000100' },
      },
    });
    peer.push(envelope('env-1'));
    const posted = await standIn.waitFor('chat.postMessage');
    expect(JSON.stringify(posted.params)).toContain('已记录通话');
    expect(peer.acks).toContain('env-1');

    // Slack redelivers the same event in a new envelope: acked, not logged twice.
    peer.push(envelope('env-2'));
    await expect.poll(() => peer!.acks.includes('env-2')).toBe(true);
    await expect.poll(() => bot!.logs.some((l) => l.msg === 'duplicate delivery skipped' && l.deliveryId === 'Ev0SOCKET1')).toBe(true);
    const customers = await bot.database.store.customers.listVisible({ userId: -1, managedTeamIds: [(await bot.database.store.teams.getDefault())!.id] });
    expect(customers).toHaveLength(1);
    expect(await bot.database.store.activities.countForCustomer(customers[0]!.id)).toBe(1);
  });
});
