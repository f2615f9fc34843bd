import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_MAX_BYTES, decodeCallbackData, encodeCallbackData } from '../../bot/telegram/callback-data.ts';
import { commandMenus } from '../../bot/telegram/commands.ts';
import { buttonRows, escapeHtml, renderReplies } from '../../bot/telegram/html.ts';
import { inlineKeyboard } from '../../bot/telegram/keyboard.ts';
import { createSendLimiter } from '../../bot/telegram/rate-limit.ts';
import { htmlToPlain } from '../../bot/telegram/send.ts';
import type { Command } from '../../core/context.ts';
import { textReply } from '../../core/reply.ts';

describe('Telegram HTML', () => {
  it('escapes &, < and >', () => {
    expect(escapeHtml('a & b <b>x</b> <!channel> "q"')).toBe('a &amp; b &lt;b&gt;x&lt;/b&gt; &lt;!channel&gt; "q"');
    expect(htmlToPlain(escapeHtml('<pre> & </pre>'))).toBe('<pre> & </pre>');
  });

  it('renders text, a table in <pre>, and buttons as keyboard rows', () => {
    const [message] = renderReplies([
      {
        blocks: [
          { type: 'text', text: '待跟进 <2>' },
          { type: 'table', columns: ['客户', '时间'], rows: [['张总 & Co', '10:00']] },
          { type: 'buttons', buttons: [{ label: '撤销', action: 'call.undo', value: '1' }, { label: '修改', action: 'call.edit', value: '1' }] },
        ],
      },
    ]);
    expect(message!.html).toBe('待跟进 &lt;2&gt;\n<pre>客户       时间\n─────────  ─────\n张总 &amp; Co  10:00</pre>');
    expect(message!.rows.map((r) => r.map((b) => b.label))).toEqual([['撤销', '修改']]);
  });

  it('gives a reply made only of buttons some text, and drops empty replies', () => {
    const rendered = renderReplies([{ blocks: [] }, { blocks: [{ type: 'buttons', buttons: [{ label: 'OK', action: 'a' }] }] }]);
    expect(rendered).toHaveLength(1);
    expect(rendered[0]!.html.trim()).not.toBe('');
  });

  it('puts short labels side by side and long ones on their own row', () => {
    const b = (label: string) => ({ label, action: 'x' });
    expect(buttonRows([b('是'), b('否'), b('取消'), b('更多')]).map((r) => r.length)).toEqual([3, 1]);
    expect(buttonRows([b('改为 张总（华通物流有限公司）'), b('是新客户')]).map((r) => r.length)).toEqual([1, 1]);
  });
});

describe('callback data', () => {
  it('encodes action and value compactly and decodes them back', () => {
    expect(encodeCallbackData('call.undo', '42')).toBe('call.undo|42');
    expect(encodeCallbackData('route.log')).toBe('route.log');
    expect(decodeCallbackData('call.pick|42:new')).toEqual({ name: 'call.pick', value: '42:new' });
    expect(decodeCallbackData('route.log')).toEqual({ name: 'route.log' });
    expect(decodeCallbackData('x|a|b')).toEqual({ name: 'x', value: 'a|b' });
    expect(decodeCallbackData('|x')).toBeNull();
  });

  it('refuses data over 64 bytes (counted in UTF-8) instead of cutting it', () => {
    const fits = 'a'.repeat(CALLBACK_DATA_MAX_BYTES - 2);
    expect(encodeCallbackData('a', fits)).toHaveLength(64);
    expect(encodeCallbackData('a', `${fits}x`)).toBeNull();
    expect(encodeCallbackData('a', '客'.repeat(21))).toBeNull(); // 2 + 63 bytes
    const dropped: string[] = [];
    const keyboard = inlineKeyboard([[{ label: 'ok', action: 'a', value: '1' }, { label: 'long', action: 'a', value: fits + 'x' }]], (b) => dropped.push(b.label));
    expect(keyboard?.inline_keyboard).toEqual([[{ text: 'ok', callback_data: 'a|1' }]]);
    expect(dropped).toEqual(['long']);
  });
});

describe('command menus', () => {
  const command = (name: string, zh: string, en: string): Command => ({
    name,
    help: (lang) => ({ usage: `/${name}`, summary: lang === 'zh' ? zh : en }),
    run: async () => [textReply('')],
  });

  it('lists valid Telegram command names with each language’s summary', () => {
    const menus = commandMenus([command('today', '今天', 'today'), command('Bad-Name', '坏', 'bad'), command('today', '重复', 'dup')]);
    expect(menus).toEqual([
      { commands: [{ command: 'today', description: 'today' }] },
      { commands: [{ command: 'today', description: '今天' }], language_code: 'zh' },
    ]);
  });
});

describe('send limiter', () => {
  /** Reserves sends at a fixed moment; returns when each would go out. */
  async function schedule(sends: Array<{ chat: string; spaceChat?: boolean }>, start = 1_000_000) {
    let pending = 0;
    const limiter = createSendLimiter({ now: () => start, sleep: async (ms) => void (pending = ms) });
    const out: Array<{ chat: string; at: number }> = [];
    for (const { chat, spaceChat } of sends) {
      pending = 0;
      await limiter.wait(chat, { spaceChat });
      out.push({ chat, at: start + pending });
    }
    return out;
  }
  const maxInAnySecond = (times: number[]) =>
    Math.max(...times.map((t0) => times.filter((t) => t >= t0 && t < t0 + 1000).length));

  it('spaces one chat about a second apart without holding up other chats', async () => {
    const sent = await schedule([{ chat: 'a' }, { chat: 'a' }, { chat: 'b' }, { chat: 'a' }]);
    const a = sent.filter((s) => s.chat === 'a').map((s) => s.at - 1_000_000);
    expect(a[0]).toBe(0);
    expect(a[1]).toBeGreaterThanOrEqual(1000);
    expect(a[2]! - a[1]!).toBeGreaterThanOrEqual(1000);
    expect(sent[2]!.at - 1_000_000).toBeLessThan(50);
  });

  it('sends at most 30 messages in any second across chats', async () => {
    const sent = await schedule(Array.from({ length: 100 }, (_, i) => ({ chat: `c${i % 40}` })));
    const times = sent.map((s) => s.at);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(31);
    expect(Math.max(...times) - 1_000_000).toBeLessThan(4_000); // no needless waiting either
  });

  it('lets a direct answer skip the chat spacing, but the chat’s next queued message waits', async () => {
    const sent = await schedule([{ chat: 'a', spaceChat: false }, { chat: 'a', spaceChat: false }, { chat: 'a' }]);
    expect(sent[1]!.at - 1_000_000).toBeLessThan(50);
    expect(sent[2]!.at - sent[1]!.at).toBeGreaterThanOrEqual(1000);
  });
});
