/**
 * The Slack adapter end to end: signed HTTP requests to the shared server → real Bolt → the real
 * core on a real database → Block Kit posted to a local stand-in of the Slack Web API.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { textReply } from '../../core/reply.ts';
import { databaseKinds } from '../support/db.ts';
import type { SlackCall } from '../support/slack-stand-in.ts';
import { BOT, blocksText, buttonsOf, sign, SIGNING_SECRET, startSlackHarness, type SlackHarness } from './harness.ts';

const ALICE = 'U0ALICE';
const ALICE_DM = 'D0ALICE';
const CHANNEL = 'C0SALES';
const CALL = '张总13812345678没接，明天上午再打';

describe.each(databaseKinds())('Slack adapter (%s)', (kind) => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness(kind);
    h.standIn.users.set(ALICE, { name: 'alice', real_name: 'Alice Wang', display_name: 'Alice' });
  });
  afterEach(() => h.close());

  const dm = (text: string, extra: Record<string, unknown> = {}) => ({
    type: 'message',
    channel: ALICE_DM,
    channel_type: 'im',
    user: ALICE,
    text,
    ts: h.ts(),
    ...extra,
  });

  /** Logs the call in Alice's DM and returns the confirmation message the bot posted. */
  async function logCall() {
    const before = h.standIn.calls.length;
    const res = await h.event(dm(CALL));
    expect(res.status).toBe(200);
    return h.nextCall('chat.postMessage', before, (c) => c.params.channel === ALICE_DM);
  }

  it('logs a call from a direct message and answers with the confirmation and Undo/Edit buttons', async () => {
    const posted = await logCall();
    const text = blocksText(posted);
    expect(text).toContain('张总');
    expect(text).toContain('13812345678'); // the owner, in private: the full number
    expect(text).toMatch(/已记录/);
    const buttons = buttonsOf(posted);
    expect(buttons.map((b) => b.action_id)).toEqual(['sb:0:call.undo', 'sb:1:call.edit']);
    expect(buttons[0]?.style).toBe('danger');
    expect(buttons[0]?.value).toMatch(/^\d+$/);
    expect(posted.params.thread_ts).toBeUndefined();
    expect(posted.params.text).toContain('张总'); // notification fallback
    expect(await h.activityCount()).toBe(1);
    // A new person: their name came from users.info.
    expect(h.standIn.callsTo('users.info').map((c) => c.params.user)).toEqual([ALICE]);
    expect((await h.bot.database.store.users.findByIdentity('slack', ALICE))?.displayName).toBe('Alice');
  });

  it('answers in the thread the message came from', async () => {
    const before = h.standIn.calls.length;
    await h.event(dm('/help', { thread_ts: '1800000000.000001' }));
    const posted = await h.nextCall('chat.postMessage', before);
    expect(posted.params.thread_ts).toBe('1800000000.000001');
  });

  /** Taps a button of a message the bot posted (a block_actions payload as Slack sends it). */
  function tap(posted: SlackCall, index: number) {
    const button = buttonsOf(posted)[index]!;
    const ts = String(posted.params.ts ?? '1800000001.000100');
    return h.interaction({
      type: 'block_actions',
      user: { id: ALICE, username: 'alice', name: 'alice', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: ts, channel_id: ALICE_DM, is_ephemeral: false },
      trigger_id: `111.222.${index}`,
      team: { id: 'T0TEAM', domain: 'standin' },
      channel: { id: ALICE_DM, name: 'directmessage' },
      message: { type: 'message', ts, text: posted.params.text, blocks: posted.params.blocks },
      response_url: h.standIn.responseUrl('tap'),
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', text: { type: 'plain_text', text: button.text }, value: button.value, style: button.style, action_ts: `1800000002.00030${index}` }],
    });
  }

  it('Undo (a button tap, block_actions) removes the activity', async () => {
    const posted = await logCall();
    const before = h.standIn.calls.length;
    expect((await tap(posted, 0)).status).toBe(200);
    const answer = await h.nextCall('chat.postMessage', before, (c) => c.params.channel === ALICE_DM);
    expect(blocksText(answer)).toContain('已撤销');
    expect(await h.activityCount()).toBe(0);
  });

  it('Edit takes the correction from the next message in the same chat', async () => {
    const posted = await logCall();
    let before = h.standIn.calls.length;
    await tap(posted, 1);
    const question = await h.nextCall('chat.postMessage', before);
    expect(blocksText(question)).toContain('要改什么');
    before = h.standIn.calls.length;
    await h.event(dm('时间改成周四下午三点'));
    const edited = await h.nextCall('chat.postMessage', before);
    expect(blocksText(edited)).toContain('已修改');
    expect(blocksText(edited)).toContain('15:00');
    expect(await h.activityCount()).toBe(1);
  });

  it('handles an event Slack delivers twice (X-Slack-Retry-Num) once', async () => {
    const before = h.standIn.calls.length;
    const event = dm(CALL);
    const [first, retry] = await Promise.all([
      h.event(event, { eventId: 'Ev0RETRY01' }),
      h.event(event, { eventId: 'Ev0RETRY01', retryNum: 1 }),
    ]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.nextCall('chat.postMessage', before);
    await h.waitForLog((l) => l.msg === 'slack message handled' && l.deliveryId === 'Ev0RETRY01' && l.replies === 0);
    expect(await h.activityCount()).toBe(1);
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses a forged signature and an old timestamp with 401, and does nothing', async () => {
    const body = JSON.stringify({ type: 'event_callback', event_id: 'Ev0FORGED', event: dm(CALL) });
    const forged = await h.post({ body, contentType: 'application/json', signature: sign('not-the-secret', Math.floor(Date.now() / 1000), body) });
    expect(forged.status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 10 * 60;
    const stale = await h.post({ body, contentType: 'application/json', timestamp: old, signature: sign(SIGNING_SECRET, old, body) });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(h.standIn.calls).toHaveLength(0);
    expect(await h.activityCount()).toBe(0);
  });

  it('answers Slack’s URL verification challenge', async () => {
    const res = await h.post({ body: JSON.stringify({ type: 'url_verification', challenge: 'ch4llenge', token: 't' }), contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('ch4llenge');
  });

  it('escapes what the user typed: an injected <!channel> comes back as text, never as a broadcast', async () => {
    // The user typed "/<!channel>" literally: Slack sends it entity-encoded.
    const before = h.standIn.calls.length;
    await h.event(dm('/&lt;!channel&gt; &amp; <!here>'));
    const posted = await h.nextCall('chat.postMessage', before);
    const all = JSON.stringify(posted.params);
    expect(blocksText(posted)).toContain('&lt;!channel&gt;');
    expect(all).not.toMatch(/<!|<@|<#/);
    expect(posted.params.blocks[0].text).toMatchObject({ type: 'mrkdwn', verbatim: true });
  });

  it('waits out a 429 for its Retry-After and sends the message again', async () => {
    h.standIn.rateLimitNext(1, 2, 'chat.postMessage');
    const before = h.standIn.calls.length;
    await h.event(dm('/help'));
    const posted = await h.nextCall('chat.postMessage', before);
    const attempts = h.standIn.calls.filter((c) => c.method === 'chat.postMessage');
    expect(attempts.map((c) => c.rateLimited)).toEqual([true, false]);
    expect(attempts[1]?.params.blocks).toEqual(attempts[0]?.params.blocks);
    expect(h.rateLimitWaits).toEqual([2]);
    expect(blocksText(posted)).toContain('/today');
  });

  it('/sales runs the terminal’s commands and answers through the response_url', async () => {
    const help = await h.command({ text: 'help', user_id: ALICE, user_name: 'alice', channel_id: CHANNEL, channel_name: 'sales', response_url: h.standIn.responseUrl('help') });
    expect(help.status).toBe(200);
    const helpAnswer = await h.standIn.waitFor((c) => c.hook === 'help');
    expect(helpAnswer.params.response_type).toBe('ephemeral');
    expect(blocksText(helpAnswer)).toContain('/today');

    await h.command({ text: '', user_id: ALICE, user_name: 'alice', channel_id: CHANNEL, channel_name: 'sales', response_url: h.standIn.responseUrl('bare') });
    const bare = await h.standIn.waitFor((c) => c.hook === 'bare');
    expect(blocksText(bare)).toBe(blocksText(helpAnswer));

    await h.command({ text: 'kb list', user_id: ALICE, user_name: 'alice', channel_id: CHANNEL, channel_name: 'sales', response_url: h.standIn.responseUrl('kb') });
    const kb = await h.standIn.waitFor((c) => c.hook === 'kb');
    expect(blocksText(kb)).not.toContain('没有 /');
  });

  it('answers an @mention in a channel, in its thread, with phone numbers masked', async () => {
    const before = h.standIn.calls.length;
    await h.event({ type: 'app_mention', channel: CHANNEL, user: ALICE, text: `<@${BOT}> ${CALL}`, ts: h.ts(), thread_ts: '1800000000.000009' });
    const posted = await h.nextCall('chat.postMessage', before, (c) => c.params.channel === CHANNEL);
    const text = blocksText(posted);
    expect(text).toContain('张总');
    expect(text).toContain('138****5678');
    expect(JSON.stringify(posted.params)).not.toContain('13812345678');
    expect(posted.params.thread_ts).toBe('1800000000.000009');
    expect(await h.activityCount()).toBe(1);
  });

  it('ignores its own messages and edits', async () => {
    await h.event(dm('I am the bot', { user: BOT, bot_id: 'B0BOT' }), { eventId: 'Ev0SELF' });
    await h.event(dm(CALL, { subtype: 'message_changed' }), { eventId: 'Ev0EDIT' });
    const before = h.standIn.calls.length;
    await h.event(dm('/me'), { eventId: 'Ev0ME' });
    await h.waitForLog((l) => l.msg === 'slack message handled' && l.deliveryId === 'Ev0ME');
    await h.nextCall('chat.postMessage', before);
    expect(h.logs.filter((l) => l.msg === 'slack message handled').map((l) => l.deliveryId)).toEqual(['Ev0ME']);
    expect(await h.activityCount()).toBe(0);
  });

  it('publishes the App Home tab with the follow-ups due today', async () => {
    await logCall();
    h.bot.clock.advance(24 * 3_600_000 + 3_600_000); // tomorrow, 11:00: the follow-up is due
    const before = h.standIn.calls.length;
    await h.event({ type: 'app_home_opened', user: ALICE, channel: ALICE_DM, tab: 'home', event_ts: h.ts() });
    const published = await h.nextCall('views.publish', before);
    expect(published.params.user_id).toBe(ALICE);
    expect(published.params.view.type).toBe('home');
    expect(blocksText(published)).toContain('张总');
  });

  it('delivers an outbox message through the dispatcher', async () => {
    const store = h.bot.database.store;
    await store.outbox.send({ platform: 'slack', chatId: ALICE_DM }, [textReply('提醒：给张总回电 <!channel>')], { notBefore: h.bot.clock.now() });
    const posted = await h.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === ALICE_DM);
    expect(blocksText(posted)).toBe('提醒：给张总回电 &lt;!channel&gt;');
  });

  it('abandons an outbox message for a channel Slack says is gone, and delivers the next one', async () => {
    const store = h.bot.database.store;
    await store.outbox.send({ platform: 'slack', chatId: '' }, [textReply('日报')], { notBefore: h.bot.clock.now() }); // channel_not_found
    await vi.waitFor(() => expect(h.logs.some((l) => l.msg === 'outbox message abandoned')).toBe(true), { timeout: 10_000 });
    const later = new Date(h.bot.clock.now().getTime() + 3_600_000);
    expect(await store.outbox.claimDue('slack', later, later, 10)).toEqual([]);
    await store.outbox.send({ platform: 'slack', chatId: ALICE_DM }, [textReply('提醒')], { notBefore: h.bot.clock.now() });
    await h.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === ALICE_DM);
  });
});

describe('Slack adapter: acknowledging within 3 seconds', () => {
  it('answers Slack’s request before the (slow) core is done, then posts the reply', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const coreStarted = new Promise<void>((resolve) => (started = resolve));
    const h = await startSlackHarness('pglite', {
      coreGate: () => {
        started();
        return slow;
      },
    });
    try {
      const res = await h.event({ type: 'message', channel: ALICE_DM, channel_type: 'im', user: ALICE, text: CALL, ts: h.ts() });
      expect(res.status).toBe(200); // acknowledged while the core is still waiting
      await coreStarted;
      expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
      release();
      const posted = await h.standIn.waitFor('chat.postMessage');
      expect(blocksText(posted)).toContain('张总');
    } finally {
      release();
      await h.close();
    }
  });
});
