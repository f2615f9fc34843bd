/**
 * The core's commands as Telegram's command menu (setMyCommands): Chinese for Telegram clients
 * set to Chinese, English for everyone else. Telegram accepts names of 1–32 characters from
 * [a-z0-9_] and descriptions of 1–256 characters; other commands still work when typed.
 */
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { Lang } from '../../core/domain.ts';
import type { Command } from '../../core/context.ts';

const VALID_NAME = /^[a-z0-9_]{1,32}$/;

export function menuCommands(commands: Command[], lang: Lang): BotCommand[] {
  const seen = new Set<string>();
  const out: BotCommand[] = [];
  for (const c of commands) {
    if (!VALID_NAME.test(c.name) || seen.has(c.name)) continue;
    seen.add(c.name);
    const summary = c.help(lang).summary.trim() || c.name;
    out.push({ command: c.name, description: summary.length > 256 ? `${summary.slice(0, 255)}…` : summary });
  }
  return out.slice(0, 100);
}

/** setMyCommands calls: the default menu in English, and one for language_code "zh". */
export function commandMenus(commands: Command[]): Array<{ commands: BotCommand[]; language_code?: LanguageCode }> {
  return [{ commands: menuCommands(commands, 'en') }, { commands: menuCommands(commands, 'zh'), language_code: 'zh' }];
}
