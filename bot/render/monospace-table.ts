/**
 * A table as aligned monospace text (terminal, Telegram <pre>, Slack code blocks). Chinese
 * characters are two columns wide, so widths are measured, not counted.
 */
import stringWidth from 'string-width';

function pad(cell: string, width: number, align: 'left' | 'right'): string {
  const gap = ' '.repeat(Math.max(0, width - stringWidth(cell)));
  return align === 'right' ? gap + cell : cell + gap;
}

export function monospaceTable(columns: string[], rows: string[][], align: Array<'left' | 'right'> = []): string {
  const all = [columns, ...rows];
  const widths = columns.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    widths.map((w, i) => pad(r[i] ?? '', w, align[i] ?? 'left')).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(columns), rule, ...rows.map(line)].join('\n');
}
