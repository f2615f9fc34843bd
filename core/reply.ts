/**
 * What the core answers with. Platform-neutral: adapters render text, tables and buttons in their
 * own way (Block Kit, inline keyboards, a terminal). Text is plain; adapters escape it.
 */

export interface Button {
  label: string;
  /** Handler name, e.g. "lang.set". */
  action: string;
  /** Opaque payload handed back to the handler when the button is tapped. */
  value?: string;
  style?: 'primary' | 'danger';
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'table'; columns: string[]; rows: string[][]; align?: Array<'left' | 'right'> }
  | { type: 'buttons'; buttons: Button[] };

export interface Reply {
  blocks: Block[];
}

export function textReply(text: string, buttons?: Button[]): Reply {
  const blocks: Block[] = [{ type: 'text', text }];
  if (buttons?.length) blocks.push({ type: 'buttons', buttons });
  return { blocks };
}

export function buttonsOf(reply: Reply): Button[] {
  return reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}

/** The reply as plain text (for logs and tests). */
export function replyText(reply: Reply): string {
  return reply.blocks
    .map((b) => {
      if (b.type === 'text') return b.text;
      if (b.type === 'table') return [b.columns, ...b.rows].map((r) => r.join(' | ')).join('\n');
      return b.buttons.map((x) => `[${x.label}]`).join(' ');
    })
    .join('\n');
}
