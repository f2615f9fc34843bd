/**
 * Button rows → an inline keyboard whose buttons carry `action|value` as callback data. A button
 * whose data cannot fit Telegram's 64 bytes is left out (and reported), never sent truncated.
 */
import { InlineKeyboard } from 'grammy';
import type { Button } from '../../core/reply.ts';
import { encodeCallbackData } from './callback-data.ts';

export function inlineKeyboard(rows: Button[][], onUnfit: (button: Button) => void): InlineKeyboard | undefined {
  const keyboard = rows
    .map((row) =>
      row.flatMap((b) => {
        const data = encodeCallbackData(b.action, b.value);
        if (data === null) {
          onUnfit(b);
          return [];
        }
        const button = InlineKeyboard.text(b.label, data);
        return [b.style ? { ...button, style: b.style } : button];
      }),
    )
    .filter((row) => row.length > 0);
  return keyboard.length ? InlineKeyboard.from(keyboard) : undefined;
}
