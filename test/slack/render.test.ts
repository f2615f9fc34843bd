/** Block Kit rendering, escaping, the button codec and payload → core message mapping. */
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '../../bot/slack/actions.ts';
import { renderHomeView, renderMessages } from '../../bot/slack/blocks.ts';
import { escapeSlack, escapeWithin, splitEscaped } from '../../bot/slack/escape.ts';
import {
  chatTypeOf,
  fromAppMention,
  fromBlockAction,
  fromHomeOpened,
  fromMessageEvent,
  fromSlashCommand,
  plainFromSlack,
  slashCommandText,
  stripBotMention,
} from '../../bot/slack/events.ts';
import type { Button, Reply } from '../../core/reply.ts';

describe('escaping', () => {
  it('turns &, < and > into entities, so nothing can mention or broadcast', () => {
    expect(escapeSlack('<!channel> <@U123> <!here|here> A&B')).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;!here|here&gt; A&amp;B');
  });

  it('cuts to a length without breaking an entity', () => {
    const cut = escapeWithin('a'.repeat(10) + '<<<<', 14);
    expect(cut.length).toBeLessThanOrEqual(14);
    expect(cut).toBe('aaaaaaaaaa…');
    expect(escapeWithin('short', 75)).toBe('short');
  });

  it('splits long text at line breaks, never inside an entity', () => {
    const parts = splitEscaped(escapeSlack('x'.repeat(9) + '&' + 'y'.repeat(5)), 12);
    expect(parts.join('')).toBe('x'.repeat(9) + '&amp;' + 'y'.repeat(5));
    for (const p of parts) expect(p).not.toMatch(/&(a|am)?$|&amp?$/);
    expect(splitEscaped('line one\nline two', 12)).toEqual(['line one', 'line two']);
  });
});

describe('Block Kit rendering', () => {
  it('renders text as an escaped mrkdwn section and a table as a code block', () => {
    const [message] = renderMessages([
      {
        blocks: [
          { type: 'text', text: '客户 <@U1> & co' },
          { type: 'table', columns: ['客户', '电话'], rows: [['张总', '138****5678']], align: ['left', 'right'] },
        ],
      },
    ]);
    expect(message!.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '客户 &lt;@U1&gt; &amp; co', verbatim: true } });
    const table = (message!.blocks[1] as { text: { text: string } }).text.text;
    expect(table.startsWith('```\n') && table.endsWith('\n```')).toBe(true);
    expect(table).toContain('张总  138****5678');
    expect(message!.text).toBe('客户 &lt;@U1&gt; &amp; co');
  });

  it('puts at most 5 buttons in an actions block, with unique action_ids, styles and escaped labels', () => {
    const buttons: Button[] = Array.from({ length: 7 }, (_, i) => ({ label: `<b${i}>`, action: 'call.pick', value: `1:${i}` }));
    buttons[0]!.style = 'primary';
    buttons[1]!.style = 'danger';
    const [message] = renderMessages([{ blocks: [{ type: 'text', text: 'which?' }, { type: 'buttons', buttons }] }]);
    const actions = message!.blocks.filter((b) => b.type === 'actions') as Array<{ elements: Array<Record<string, any>> }>;
    expect(actions.map((a) => a.elements.length)).toEqual([5, 2]);
    const all = actions.flatMap((a) => a.elements);
    expect(new Set(all.map((e) => e.action_id)).size).toBe(7);
    expect(all[0]).toMatchObject({ type: 'button', style: 'primary', text: { type: 'plain_text', text: '&lt;b0&gt;' }, value: '1:0' });
    expect(all[1]!.style).toBe('danger');
    expect(all[2]!.style).toBeUndefined();
    for (const e of all) expect(decodeAction(e.action_id, e.value)).toEqual({ name: 'call.pick', value: e.value });
  });

  it('keeps within Slack’s limits: labels ≤ 75, sections ≤ 3000, ≤ 50 blocks a message', () => {
    const long = 'x'.repeat(7000);
    const many: Reply = { blocks: Array.from({ length: 60 }, (_, i) => ({ type: 'text' as const, text: `line ${i}` })) };
    const messages = renderMessages([
      { blocks: [{ type: 'text', text: long }, { type: 'buttons', buttons: [{ label: '很长'.repeat(60), action: 'a' }] }] },
      many,
    ]);
    const first = messages[0]!;
    const sections = first.blocks.filter((b) => b.type === 'section') as Array<{ text: { text: string } }>;
    expect(sections.map((s) => s.text.text.length)).toEqual([3000, 3000, 1000]);
    const label = (first.blocks.at(-1) as { elements: Array<{ text: { text: string } }> }).elements[0]!.text.text;
    expect(label.length).toBeLessThanOrEqual(75);
    expect(messages.slice(1).map((m) => m.blocks.length)).toEqual([50, 10]);
    expect(first.text.length).toBeLessThanOrEqual(3000);
  });

  it('drops empty text and renders the App Home view', () => {
    expect(renderMessages([{ blocks: [{ type: 'text', text: '  ' }] }])).toEqual([]);
    const view = renderHomeView([{ blocks: Array.from({ length: 120 }, () => ({ type: 'text' as const, text: 'x' })) }]);
    expect(view.type).toBe('home');
    expect(view.blocks).toHaveLength(100);
  });
});

describe('button codec', () => {
  it('round-trips action and value, and refuses what Slack would reject', () => {
    expect(encodeAction({ label: 'Undo', action: 'call.undo', value: '42' }, 3)).toEqual({ action_id: 'sb:3:call.undo', value: '42' });
    expect(decodeAction('sb:3:call.undo', '42')).toEqual({ name: 'call.undo', value: '42' });
    expect(encodeAction({ label: 'x', action: 'route.log' }, 0)).toEqual({ action_id: 'sb:0:route.log' });
    expect(decodeAction('sb:0:route.log', undefined)).toEqual({ name: 'route.log' });
    expect(encodeAction({ label: 'x', action: 'a', value: 'v'.repeat(2001) }, 0)).toBeNull();
    expect(encodeAction({ label: 'x', action: 'a'.repeat(260) }, 0)).toBeNull();
    expect(decodeAction('someone_else', 'v')).toBeNull();
  });
});

describe('Slack payload → core message', () => {
  it('reads Slack markup as plain text and strips the bot mention', () => {
    expect(plainFromSlack('hi <@U1> in <#C1|sales> see <https://x.io|x.io> <!here> a &lt;b&gt; &amp;')).toBe('hi @U1 in #sales see x.io @here a <b> &');
    expect(stripBotMention('<@UBOT> 张总没接 <@UBOT|salesbot>', 'UBOT')).toBe('张总没接');
    expect(chatTypeOf('D1')).toBe('direct');
    expect(chatTypeOf('C1')).toBe('group');
    expect(chatTypeOf('G1', 'mpim')).toBe('group');
  });

  it('maps a direct message; ignores bots, edits and channel messages', () => {
    const event = { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 'hi', ts: '1800000000.000100', thread_ts: '1800000000.000001' };
    const inbound = fromMessageEvent(event, 'Ev1', 'UBOT');
    expect(inbound?.msg).toMatchObject({ platform: 'slack', platformUserId: 'U1', chatId: 'D1', chatType: 'direct', text: 'hi', deliveryId: 'Ev1' });
    expect(inbound?.msg.sentAt?.toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(inbound?.target).toEqual({ kind: 'channel', channel: 'D1', threadTs: '1800000000.000001' });
    expect(fromMessageEvent({ ...event, bot_id: 'B1' }, 'Ev2', 'UBOT')).toBeNull();
    expect(fromMessageEvent({ ...event, subtype: 'message_deleted' }, 'Ev3', 'UBOT')).toBeNull();
    expect(fromMessageEvent({ ...event, channel: 'C1', channel_type: 'channel' }, 'Ev4', 'UBOT')).toBeNull();
    expect(fromMessageEvent({ ...event, user: 'UBOT' }, 'Ev5', 'UBOT')).toBeNull();
  });

  it('maps a mention in a channel as a group message', () => {
    const inbound = fromAppMention({ type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT> /today', ts: '1.2' }, 'Ev1', 'UBOT');
    expect(inbound?.msg).toMatchObject({ chatType: 'group', text: '/today', chatId: 'C1' });
    expect(inbound?.target).toEqual({ kind: 'channel', channel: 'C1' });
  });

  it('maps /sales subcommands to the terminal’s commands', () => {
    const names = new Set(['help', 'kb', 'today', 'customer']);
    expect(slashCommandText('help', names)).toBe('/help');
    expect(slashCommandText('kb list', names)).toBe('/kb list');
    expect(slashCommandText('', names)).toBe('/help');
    expect(slashCommandText('  /today ', names)).toBe('/today');
    expect(slashCommandText('张总没接，明天再打', names)).toBe('张总没接，明天再打');
    const inbound = fromSlashCommand(
      { command: '/sales', text: 'today', user_id: 'U1', user_name: 'alice', channel_id: 'D9', channel_name: 'directmessage', trigger_id: 't.1', response_url: 'https://hooks/x' },
      names,
    );
    expect(inbound.msg).toMatchObject({ text: '/today', chatType: 'direct', deliveryId: 'command:t.1', userName: 'alice' });
    expect(inbound.target).toEqual({ kind: 'response_url', url: 'https://hooks/x' });
  });

  it('maps button taps from messages, threads, ephemeral messages and the Home tab', () => {
    const base = {
      user: { id: 'U1', username: 'alice' },
      actions: [{ type: 'button', action_id: 'sb:0:call.undo', value: '7', action_ts: '9.9' }],
      response_url: 'https://hooks/r',
    };
    const inThread = fromBlockAction(
      { ...base, channel: { id: 'C1' }, container: { type: 'message', message_ts: '5.5', channel_id: 'C1' }, message: { ts: '5.5', thread_ts: '4.4' } },
      decodeAction,
    );
    expect(inThread?.msg).toMatchObject({ action: { name: 'call.undo', value: '7' }, chatId: 'C1', chatType: 'group', deliveryId: 'action:5.5:sb:0:call.undo:9.9', text: '' });
    expect(inThread?.target).toEqual({ kind: 'channel', channel: 'C1', threadTs: '4.4' });
    const ephemeral = fromBlockAction({ ...base, container: { type: 'message', channel_id: 'C1', message_ts: '5.6', is_ephemeral: true } }, decodeAction);
    expect(ephemeral?.target).toEqual({ kind: 'response_url', url: 'https://hooks/r' });
    const home = fromBlockAction({ ...base, container: { type: 'view', view_id: 'V1' } }, decodeAction);
    expect(home?.msg).toMatchObject({ chatId: 'U1', chatType: 'direct' });
    expect(home?.target).toEqual({ kind: 'channel', channel: 'U1' });
    expect(fromBlockAction({ ...base, actions: [{ type: 'button', action_id: 'other' }], container: { type: 'view' } }, decodeAction)).toBeNull();
  });

  it('asks for /today when the Home tab opens (not the Messages tab)', () => {
    expect(fromHomeOpened({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' })).toMatchObject({ text: '/today', chatType: 'direct', platformUserId: 'U1' });
    expect(fromHomeOpened({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'messages' })).toBeNull();
  });
});
