/**
 * Core replies as Telegram HTML: every string from the core (and so from users) is escaped, tables
 * are aligned monospace text in <pre>, and buttons become rows for an inline keyboard. One reply
 * is one Telegram message (before the 4,096-character split).
 */
import type { Button, Reply } from '../../core/reply.ts';
import { monospaceTable } from '../render/monospace-table.ts';

/** Escapes text for parse_mode HTML: only &, < and > are special there. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface RenderedMessage {
  /** Telegram HTML (may be longer than one message; see split.ts). */
  html: string;
  /** Keyboard rows, in order; empty when the reply has no buttons. */
  rows: Button[][];
}

/** Telegram needs some text; a reply made only of buttons gets this. */
const BUTTONS_ONLY_TEXT = '👇';

/** How wide a row of buttons may get before wrapping (labels are cut off on phones). */
const ROW_WIDTH = 28;
const ROW_BUTTONS = 3;

/** Packs one block's buttons into rows: short labels share a row, long ones get their own. */
export function buttonRows(buttons: Button[]): Button[][] {
  const rows: Button[][] = [];
  let row: Button[] = [];
  let width = 0;
  for (const b of buttons) {
    const w = labelWidth(b.label);
    if (row.length && (row.length >= ROW_BUTTONS || width + w > ROW_WIDTH)) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push(b);
    width += w;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** Wide (CJK) characters count twice. */
function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w + 2;
}

export function renderReply(reply: Reply): RenderedMessage {
  const parts: string[] = [];
  const rows: Button[][] = [];
  for (const block of reply.blocks) {
    if (block.type === 'text') parts.push(escapeHtml(block.text));
    else if (block.type === 'table') parts.push(`<pre>${escapeHtml(monospaceTable(block.columns, block.rows, block.align))}</pre>`);
    else rows.push(...buttonRows(block.buttons));
  }
  const html = parts.join('\n');
  return { html: html.trim() ? html : BUTTONS_ONLY_TEXT, rows };
}

/** Each reply with something to show, as one message. */
export function renderReplies(replies: Reply[]): RenderedMessage[] {
  return replies.filter((r) => r.blocks.length > 0).map(renderReply);
}
