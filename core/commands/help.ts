import { isManager } from '../access.ts';
import type { Command, Feature } from '../context.ts';
import { defineMessages } from '../i18n.ts';
import { textReply } from '../reply.ts';

const text = defineMessages(
  {
    usage: '/help',
    summary: '查看命令',
    intro: '直接用中文或英文告诉我刚打的电话，我来记录、建客户、安排跟进；也可以问我话术和产品问题。命令：',
  },
  {
    usage: '/help',
    summary: 'list the commands',
    intro: 'Tell me about a call in plain words and I log it, match the customer and schedule the follow-up; or ask me how to handle a situation. Commands:',
  },
);

/** /help lists every command the user may run, in their language. */
export function helpFeature(all: () => Command[]): Feature {
  const help: Command = {
    name: 'help',
    aliases: ['start', 'h', '帮助'],
    help: (lang) => text(lang),
    async run(ctx) {
      const manager = isManager(ctx.viewer);
      const lines = all()
        .filter((c) => manager || !c.managersOnly)
        .map((c) => {
          const h = c.help(ctx.lang);
          return `${h.usage} — ${h.summary}`;
        });
      return [textReply([text(ctx.lang).intro, ...lines].join('\n'))];
    },
  };
  return { commands: [help] };
}
