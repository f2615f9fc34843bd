import { describe, expect, it } from 'vitest';
import { splitHtml, TELEGRAM_MESSAGE_LIMIT } from '../../bot/telegram/split.ts';

/** Every part: within the limit, no tag cut, and its tags balanced. */
function expectClean(parts: string[], limit: number) {
  for (const p of parts) {
    expect(p.length).toBeLessThanOrEqual(limit);
    expect(p).not.toMatch(/<[^>]*$/);
    expect(p).not.toMatch(/&[#a-z0-9]*$/i);
    const open = [...p.matchAll(/<([a-z]+)[^>]*>/g)].map((m) => m[1]);
    const close = [...p.matchAll(/<\/([a-z]+)>/g)].map((m) => m[1]);
    expect(close.sort()).toEqual(open.sort());
  }
}
const textOf = (parts: string[]) => parts.map((p) => p.replace(/<[^>]*>/g, '')).join('\n');

describe('splitting Telegram HTML at 4,096 characters', () => {
  it('leaves a message that fits alone', () => {
    expect(splitHtml('<b>hi</b>\nthere')).toEqual(['<b>hi</b>\nthere']);
  });

  it('cuts at line boundaries', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `第${i}行 some text here`);
    const parts = splitHtml(lines.join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    expectClean(parts, TELEGRAM_MESSAGE_LIMIT);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('closes and reopens a <pre> block across the cut', () => {
    const table = Array.from({ length: 50 }, (_, i) => `row ${String(i).padStart(2, '0')} | 138****0000`);
    const html = `head\n<pre>${table.join('\n')}</pre>\ntail`;
    const parts = splitHtml(html, 200);
    expectClean(parts, 200);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts[0]).toMatch(/<\/pre>$/);
    for (const p of parts.slice(1, -1)) expect(p).toMatch(/^<pre>[\s\S]*<\/pre>$/);
    expect(parts.at(-1)).toMatch(/^<pre>[\s\S]*<\/pre>\ntail$/);
    expect(textOf(parts)).toBe(html.replace(/<[^>]*>/g, ''));
  });

  it('cuts a line longer than a message between words, never inside a tag or an entity', () => {
    const words = Array.from({ length: 120 }, (_, i) => `<b>w${i}</b>&amp;x`);
    const html = words.join(' ');
    const parts = splitHtml(html, 100);
    expectClean(parts, 100);
    expect(textOf(parts).replace(/\n/g, ' ').replace(/\s+/g, ' ')).toBe(html.replace(/<[^>]*>/g, ''));
  });

  it('cuts a line without spaces anywhere, keeping surrogate pairs whole', () => {
    const html = '😀'.repeat(5000);
    const parts = splitHtml(html);
    expectClean(parts, TELEGRAM_MESSAGE_LIMIT);
    expect(parts.join('')).toBe(html);
    for (const p of parts) expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it('keeps a tag that is open across several lines open in every part', () => {
    const html = `<b>${Array.from({ length: 40 }, (_, i) => `bold line ${i}`).join('\n')}</b>`;
    const parts = splitHtml(html, 120);
    expectClean(parts, 120);
    for (const p of parts) expect(p).toMatch(/^<b>[\s\S]*<\/b>$/);
  });
});
