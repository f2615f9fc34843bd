/**
 * /link pairs one person's accounts on two platforms: `/link` on one gives a one-time code,
 * `/link CODE` on the other joins the accounts, so customers and follow-ups follow the person.
 */
import { randomInt } from 'node:crypto';
import type { Command, Feature } from '../context.ts';
import { defineMessages } from '../i18n.ts';
import { textReply } from '../reply.ts';

const CODE_TTL_MS = 10 * 60_000;

const text = defineMessages(
  {
    usage: '/link [验证码]',
    summary: '把你在 Slack 和 Telegram 的账号合并',
    code: (code: string) => `你的配对码：${code}（10 分钟内有效）。\n在另一个平台给我发送：/link ${code}`,
    linked: '配对成功：两个账号已合并，客户和跟进都在一起了。',
    bad: '配对码不对或已过期。请在另一个平台重新发送 /link 获取新的配对码。',
    same: '这个配对码就是这个账号的，请到另一个平台使用。',
  },
  {
    usage: '/link [CODE]',
    summary: 'join your Slack and Telegram accounts',
    code: (code: string) => `Your pairing code: ${code} (valid for 10 minutes).\nOn the other platform, send me: /link ${code}`,
    linked: 'Linked: both accounts are one now, with all your customers and follow-ups.',
    bad: 'That code is wrong or has expired. Send /link on the other platform for a new one.',
    same: 'That code belongs to this account; use it on the other platform.',
  },
);

const link: Command = {
  name: 'link',
  aliases: ['配对'],
  help: (l) => text(l),
  async run(ctx, args) {
    const t = text(ctx.lang);
    const code = args.trim();
    if (!code) {
      const fresh = String(randomInt(100_000, 1_000_000));
      await ctx.store.users.createLinkCode(ctx.user.id, fresh, new Date(ctx.now.getTime() + CODE_TTL_MS));
      return [textReply(t.code(fresh))];
    }
    const owner = await ctx.store.users.consumeLinkCode(code, ctx.now);
    if (owner === null) return [textReply(t.bad)];
    if (owner === ctx.user.id) return [textReply(t.same)];
    // The account that made the code is the person's main account; this one joins it.
    await ctx.store.users.merge(ctx.user.id, owner);
    await ctx.store.audit.record({ actorId: owner, action: 'user.linked', entity: 'user', entityId: owner, after: { merged: ctx.user.id, platform: ctx.msg.platform } });
    return [textReply(t.linked)];
  },
};

export const linkFeature: Feature = { commands: [link] };
