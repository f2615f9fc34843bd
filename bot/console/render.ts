import type { Button, Reply } from '../../core/reply.ts';
import { monospaceTable } from '../render/monospace-table.ts';

/**
 * Renders replies for the terminal. Buttons are numbered across the whole answer: typing the
 * number taps the button.
 */
export function renderForTerminal(replies: Reply[]): { text: string; buttons: Button[] } {
  const buttons: Button[] = [];
  const parts: string[] = [];
  for (const reply of replies) {
    for (const block of reply.blocks) {
      if (block.type === 'text') parts.push(block.text);
      else if (block.type === 'table') parts.push(monospaceTable(block.columns, block.rows, block.align));
      else {
        parts.push(
          block.buttons
            .map((b) => {
              buttons.push(b);
              return `[${buttons.length}] ${b.label}`;
            })
            .join('   '),
        );
      }
    }
  }
  return { text: parts.join('\n'), buttons };
}
