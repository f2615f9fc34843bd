/**
 * /tz: a rep working outside the team's time zone sets their own; reminders, agendas and the
 * times the bot reads and shows then follow it.
 */
import { IANAZone } from 'luxon';
import type { Command, Feature } from '../context.ts';
import { defineMessages } from '../i18n.ts';
import { textReply } from '../reply.ts';

const text = defineMessages(
  {
    usage: '/tz 时区|team',
    summary: '设置你自己的时区（例如 /tz Europe/London；/tz team 恢复团队时区）',
    current: (zone: string, own: boolean) => `你的时区：${zone}${own ? '' : '（团队默认）'}。修改：/tz Europe/London；恢复团队时区：/tz team`,
    set: (zone: string) => `好的，你的时区改为 ${zone}。提醒和工作时间按这个时区算。`,
    reset: (zone: string) => `好的，恢复使用团队时区 ${zone}。`,
    bad: (zone: string) => `不认识时区「${zone}」。请用 IANA 名称，例如 Asia/Shanghai、Europe/London、America/New_York。`,
  },
  {
    usage: '/tz ZONE|team',
    summary: 'set your own time zone (e.g. /tz Europe/London; /tz team to use the team zone)',
    current: (zone: string, own: boolean) => `Your time zone: ${zone}${own ? '' : ' (team default)'}. Change it: /tz Europe/London; back to the team zone: /tz team`,
    set: (zone: string) => `OK, your time zone is now ${zone}. Reminders and working hours follow it.`,
    reset: (zone: string) => `OK, back to the team time zone ${zone}.`,
    bad: (zone: string) => `I do not know the time zone "${zone}". Use an IANA name such as Asia/Shanghai, Europe/London, America/New_York.`,
  },
);

const tz: Command = {
  name: 'tz',
  aliases: ['timezone', '时区'],
  help: (lang) => text(lang),
  async run(ctx, args) {
    const t = text(ctx.lang);
    const choice = args.trim();
    if (!choice) return [textReply(t.current(ctx.user.timezone ?? ctx.team.timezone, ctx.user.timezone !== null))];
    if (/^(team|reset|default|团队)$/i.test(choice)) {
      await ctx.store.users.update(ctx.user.id, { timezone: null });
      return [textReply(t.reset(ctx.team.timezone))];
    }
    if (!IANAZone.isValidZone(choice)) return [textReply(t.bad(choice))];
    // Store the canonical spelling: "europe/london" → "Europe/London".
    const zone = new Intl.DateTimeFormat('en', { timeZone: choice }).resolvedOptions().timeZone;
    await ctx.store.users.update(ctx.user.id, { timezone: zone });
    return [textReply(t.set(zone))];
  },
};

export const tzFeature: Feature = { commands: [tz] };
