import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sign } from '../slack/harness.ts';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.ts';
import { privateChat, startTelegramStandIn, textMessage, user, type TelegramStandIn } from '../support/telegram-stand-in.ts';
import { childEnv, migratedDataDir, start } from '../support/process.ts';

/** A port nobody listens on right now (PORT must be a real port number). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('salesbot start with Slack and Telegram configured', () => {
  let slack: SlackStandIn | undefined;
  let telegram: TelegramStandIn | undefined;
  afterEach(async () => {
    await telegram?.close();
    await slack?.close();
  });

  it('runs both adapters in one process, answers on each, and stops cleanly on SIGTERM', async () => {
    slack = await startSlackStandIn();
    slack.users.set('U0BEN', { name: 'ben' });
    telegram = await startTelegramStandIn();
    const port = await freePort();
    const secret = 'start-test-signing-secret';
    const child = start(
      ['start'],
      childEnv({
        DATA_DIR: migratedDataDir(),
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SLACK_BOT_TOKEN: 'xoxb-start-test',
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: slack.apiUrl,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
      }),
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    // Telegram: the command menus are published and a private message is answered.
    await telegram.waitFor('setMyCommands', { timeoutMs: 20_000 });
    const ann = user(777, 'Ann');
    telegram.queueUpdate(textMessage(ann, '张总13812345678没接，明天上午再打', { chat: privateChat(ann) }));
    const sent = await telegram.waitFor('sendMessage', { timeoutMs: 20_000 });
    expect(String(sent.payload.text)).toContain('已记录通话');

    // Slack: a signed DM event on PORT is answered through the Web API.
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0TEAM',
      event_id: 'Ev0START',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel_type: 'im', channel: 'D0BEN', user: 'U0BEN', text: '/me', ts: `${Math.floor(Date.now() / 1000)}.000100` },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(secret, timestamp, body) },
      body,
    });
    expect(res.status).toBe(200);
    const posted = await slack.waitFor('chat.postMessage', 20_000);
    expect(JSON.stringify(posted.params)).toContain('默认团队');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const errors = stderr.split('\n').filter((l) => /"level":(50|60)/.test(l));
    expect(errors).toEqual([]);
  }, 60_000);
});
