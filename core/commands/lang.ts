import type { Command, Feature } from '../context.ts';
import { LANGS, type Lang } from '../domain.ts';
import { defineMessages } from '../i18n.ts';
import { textReply } from '../reply.ts';

const text = defineMessages(
  {
    usage: '/lang zh|en|auto',
    summary: '切换语言（默认按你输入的文字自动判断）',
    set: '好的，以后用中文回复你。',
    auto: '好的，我会根据你输入的文字自动选择语言。',
    bad: '请用 /lang zh、/lang en 或 /lang auto。',
  },
  {
    usage: '/lang zh|en|auto',
    summary: 'choose the language (detected from what you type by default)',
    set: 'OK, I will answer in English from now on.',
    auto: 'OK, I will follow the language you type in.',
    bad: 'Use /lang zh, /lang en or /lang auto.',
  },
);

const lang: Command = {
  name: 'lang',
  aliases: ['language', '语言'],
  help: (l) => text(l),
  async run(ctx, args) {
    const choice = args.trim().toLowerCase();
    if (choice === 'auto') {
      await ctx.store.users.update(ctx.user.id, { langFixed: false });
      return [textReply(text(ctx.lang).auto)];
    }
    if (!(LANGS as readonly string[]).includes(choice)) return [textReply(text(ctx.lang).bad)];
    const chosen = choice as Lang;
    await ctx.store.users.update(ctx.user.id, { lang: chosen, langFixed: true });
    return [textReply(text(chosen).set)];
  },
};

export const langFeature: Feature = { commands: [lang] };
