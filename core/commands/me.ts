import type { Command, Feature } from '../context.ts';
import { defineMessages } from '../i18n.ts';
import { textReply } from '../reply.ts';
import { describeRoles } from './team.ts';

const text = defineMessages(
  {
    usage: '/me',
    summary: '我的账号、团队和角色',
    card: (name: string, team: string, roles: string, tz: string) =>
      `${name}\n团队：${team}\n角色：${roles || '（无）'}\n时区：${tz}\n语言：中文（/lang en 可切换）`,
  },
  {
    usage: '/me',
    summary: 'your account, team and roles',
    card: (name: string, team: string, roles: string, tz: string) =>
      `${name}\nTeam: ${team}\nRoles: ${roles || '(none)'}\nTime zone: ${tz}\nLanguage: English (/lang zh to switch)`,
  },
);

const me: Command = {
  name: 'me',
  aliases: ['whoami', '我'],
  help: (l) => text(l),
  async run(ctx) {
    const tz = ctx.user.timezone ?? ctx.team.timezone;
    return [textReply(text(ctx.lang).card(ctx.user.displayName, ctx.team.name, describeRoles(ctx), tz))];
  },
};

export const meFeature: Feature = { commands: [me] };
