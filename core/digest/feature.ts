/**
 * /digest, /target and /plan (core/planning/command.ts), and the digest's Full table button.
 */
import { managesTeam } from '../access.ts';
import type { Command, Context, Feature } from '../context.ts';
import type { TargetMetric } from '../domain.ts';
import { planCommand } from '../planning/command.ts';
import { type Reply, textReply } from '../reply.ts';
import { composeDigest, periodFromKey } from './compose.ts';
import { money, monthOf, type PeriodKind, periodOf } from './period.ts';
import { findMember, parseTargetArgs } from './targets.ts';
import { texts } from './texts.ts';

const KIND_WORDS: Record<string, PeriodKind> = {
  today: 'day', day: 'day', daily: 'day', 今天: 'day', 今日: 'day', 日报: 'day',
  week: 'week', weekly: 'week', 本周: 'week', 周报: 'week', 这周: 'week',
  month: 'month', monthly: 'month', 本月: 'month', 月报: 'month', 这个月: 'month',
};

const digestCommand: Command = {
  name: 'digest',
  aliases: ['日报', 'report'],
  help: (lang) => texts(lang).digestHelp,
  async run(ctx, args) {
    const t = texts(ctx.lang);
    const manager = managesTeam(ctx.viewer, ctx.team.id);
    const [first = 'today', ...rest] = args.trim().split(/\s+/).filter(Boolean);
    const word = first.toLowerCase();
    if (word === 'here' || word === '这里' || word === 'off' || word === '关闭') {
      if (!manager) return [textReply(t.managersOnly)];
      if (word === 'off' || word === '关闭') {
        const had = await ctx.store.digests.clearChannel(ctx.team.id);
        await ctx.store.audit.record({ actorId: ctx.user.id, action: 'digest.off', entity: 'team', entityId: ctx.team.id });
        return [textReply(had ? t.digestOff : t.digestWasOff)];
      }
      await ctx.store.digests.setChannel({ teamId: ctx.team.id, platform: ctx.msg.platform, chatId: ctx.msg.chatId, setBy: ctx.user.id, since: ctx.now });
      await ctx.store.audit.record({ actorId: ctx.user.id, action: 'digest.here', entity: 'team', entityId: ctx.team.id, after: { platform: ctx.msg.platform, chatId: ctx.msg.chatId } });
      return [textReply(t.digestHere(ctx.team.name))];
    }
    const kind = KIND_WORDS[word];
    const repName = (kind ? rest : [first, ...rest]).join(' ');
    let repId: number | undefined;
    if (repName) {
      const member = await findMember(ctx, repName);
      if (!member) return [textReply(t.noSuchRep(repName))];
      if (member.user.id !== ctx.user.id && !manager) return [textReply(t.ownOnly)];
      repId = member.user.id;
    } else if (!manager) repId = ctx.user.id;
    const period = periodOf(kind ?? 'day', ctx.now, ctx.team.timezone);
    return [await composeDigest(ctx.store, ctx.team, { period, now: ctx.now, lang: ctx.lang, repId })];
  },
};

function describeTarget(lang: Context['lang'], metric: TargetMetric, value: number): string {
  const m = texts(lang).metric;
  return metric === 'revenue' ? m.revenue(money(value, lang)) : m[metric](value);
}

const targetCommand: Command = {
  name: 'target',
  aliases: ['目标'],
  managersOnly: true,
  help: (lang) => texts(lang).targetHelp,
  async run(ctx, args) {
    const t = texts(ctx.lang);
    const month = monthOf(ctx.now, ctx.team.timezone);
    if (!args.trim()) {
      const list = await ctx.store.targets.list(ctx.team.id, month);
      if (!list.length) return [textReply(t.noTargetsYet(month))];
      const names = new Map((await ctx.store.teams.members(ctx.team.id)).map((m) => [m.user.id, m.user.displayName]));
      const by = new Map<string, string[]>();
      for (const x of list) {
        const who = x.userId === null ? t.team : (names.get(x.userId) ?? `#${x.userId}`);
        by.set(who, [...(by.get(who) ?? []), describeTarget(ctx.lang, x.metric, x.value)]);
      }
      return [textReply([t.targetsTitle(month), ...[...by].map(([who, what]) => `• ${who}：${what.join(' · ')}`)].join('\n'))];
    }
    if (!managesTeam(ctx.viewer, ctx.team.id)) return [textReply(t.managersOnly)];
    const req = parseTargetArgs(args);
    if ('error' in req || !Object.keys(req.values).length) return [textReply(t.targetUsage)];
    let userId: number | null = null;
    let who = t.team;
    if (req.who && req.who !== 'team') {
      const member = await findMember(ctx, req.who);
      if (!member) return [textReply(t.noSuchRep(req.who))];
      userId = member.user.id;
      who = member.user.displayName;
    }
    const entries = Object.entries(req.values) as Array<[TargetMetric, number]>;
    await ctx.store.transaction(async (tx) => {
      for (const [metric, value] of entries) await tx.targets.set({ teamId: ctx.team.id, userId, month, metric, value, setBy: ctx.user.id });
      await tx.audit.record({ actorId: ctx.user.id, action: 'target.set', entity: 'team', entityId: ctx.team.id, after: { userId, month, ...req.values } });
    });
    return [textReply(t.targetSet(who, month, entries.map(([m, v]) => describeTarget(ctx.lang, m, v)).join(' · ')))];
  },
};

export const digestFeature: Feature = {
  commands: [digestCommand, targetCommand, planCommand],
  actions: {
    async 'digest.full'(ctx, value): Promise<Reply[]> {
      const t = texts(ctx.lang);
      if (!managesTeam(ctx.viewer, ctx.team.id)) return [textReply(t.managersOnly)];
      const [kind = '', key = ''] = (value ?? '').split(':');
      const period = periodFromKey(kind, key, ctx.team.timezone);
      if (!period) return [textReply(t.digestUsage)];
      return [await composeDigest(ctx.store, ctx.team, { period, now: ctx.now, lang: ctx.lang, full: true })];
    },
  },
};
