/**
 * Core replies as Block Kit: text → mrkdwn sections (escaped), tables → a monospace code block,
 * buttons → actions blocks of at most 5 buttons. Pure functions; nothing here talks to Slack.
 */
import type { types } from '@slack/bolt';
import type { Block, Button, Reply } from '../../core/reply.ts';
import { monospaceTable } from '../render/monospace-table.ts';
import { encodeAction } from './actions.ts';
import { escapeSlack, escapeWithin, splitEscaped } from './escape.ts';

type KnownBlock = types.KnownBlock;

/** Slack's limits: section text 3000 characters, button label 75, blocks per message 50, per Home view 100. */
export const SECTION_TEXT_MAX = 3000;
export const BUTTON_LABEL_MAX = 75;
export const MESSAGE_BLOCKS_MAX = 50;
export const HOME_BLOCKS_MAX = 100;
export const BUTTONS_PER_BLOCK = 5;
/** The notification / fallback text of a message (shown in push notifications and screen readers). */
export const FALLBACK_TEXT_MAX = 3000;

export interface SlackMessage {
  /** Fallback text, escaped. */
  text: string;
  blocks: KnownBlock[];
}

function section(mrkdwn: string): KnownBlock {
  // verbatim: Slack does not auto-link or auto-mention anything in it.
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn, verbatim: true } };
}

function textBlocks(text: string): KnownBlock[] {
  if (!text.trim()) return [];
  return splitEscaped(escapeSlack(text), SECTION_TEXT_MAX).map(section);
}

function tableBlocks(block: Extract<Block, { type: 'table' }>): KnownBlock[] {
  const fence = '```';
  const table = escapeSlack(monospaceTable(block.columns, block.rows, block.align));
  return splitEscaped(table, SECTION_TEXT_MAX - 2 * fence.length - 2).map((part) => section(`${fence}\n${part}\n${fence}`));
}

/** `counter` numbers buttons across one message, so every action_id in it is unique. */
function buttonBlocks(buttons: Button[], counter: { next: number }): KnownBlock[] {
  const elements: types.Button[] = [];
  for (const b of buttons) {
    const encoded = encodeAction(b, counter.next++);
    if (!encoded) continue; // cannot travel within Slack's limits; the core never makes such buttons
    elements.push({
      type: 'button',
      text: { type: 'plain_text', text: escapeWithin(b.label, BUTTON_LABEL_MAX) || '·', emoji: true },
      ...encoded,
      ...(b.style ? { style: b.style } : {}),
    });
  }
  const out: KnownBlock[] = [];
  for (let i = 0; i < elements.length; i += BUTTONS_PER_BLOCK) {
    out.push({ type: 'actions', elements: elements.slice(i, i + BUTTONS_PER_BLOCK) });
  }
  return out;
}

function renderBlocks(replies: Reply[], counter = { next: 0 }): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (const reply of replies) {
    for (const block of reply.blocks) {
      if (block.type === 'text') out.push(...textBlocks(block.text));
      else if (block.type === 'table') out.push(...tableBlocks(block));
      else out.push(...buttonBlocks(block.buttons, counter));
    }
  }
  return out;
}

function fallbackText(replies: Reply[]): string {
  const texts = replies.flatMap((r) => r.blocks.flatMap((b) => (b.type === 'text' && b.text.trim() ? [b.text] : [])));
  return escapeWithin(texts.join('\n') || '…', FALLBACK_TEXT_MAX);
}

/**
 * The messages to post for one answer: one per reply, a reply too long for one message split into
 * several (≤ 50 blocks each).
 */
export function renderMessages(replies: Reply[]): SlackMessage[] {
  const messages: SlackMessage[] = [];
  for (const reply of replies) {
    const blocks = renderBlocks([reply]);
    if (!blocks.length) continue;
    const text = fallbackText([reply]);
    for (let i = 0; i < blocks.length; i += MESSAGE_BLOCKS_MAX) {
      messages.push({ text, blocks: blocks.slice(i, i + MESSAGE_BLOCKS_MAX) });
    }
  }
  return messages;
}

/** The App Home tab showing `replies` (at most 100 blocks: the rest is cut). */
export function renderHomeView(replies: Reply[]): types.HomeView {
  return { type: 'home', blocks: renderBlocks(replies).slice(0, HOME_BLOCKS_MAX) };
}
