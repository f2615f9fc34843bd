/**
 * /digest, /target and /plan, and the digest's Full table button. The lead wires
 * `digestFeature` into core/features.ts.
 */
import { managesTeam } from '../access.ts';
import type { Command, Context, Feature } from '../context.ts';
import type { TargetMetric } from '../domain.ts';
import { makePlan, type PlanField, parsePlanArgs, PlanError } from '../planning/plan.ts';
import { DEFAULT_RATES, MIN_NEW_CUSTOMERS, MIN_POOL } from '../planning/defaults.ts';
import type { MemberSummary, UserRecord } from '../records.ts';
import { type Reply, textReply } from '../reply.ts';
import { teamSettings } from '../reminders/settings.ts';
import { inZone } from '../time/calendar.ts';
import { composeDigest, periodFromKey } from './compose.ts';
import { money, monthOf, pct, type PeriodKind, periodOf, workingDaysLeftInMonth } from './period.ts';
import { parseTargetArgs } from './targets.ts';
import { texts } from './texts.ts';

const KIND_WORDS: Record<string, PeriodKind> = {
  today: 'day', day: 'day', daily: 'day', 今天: 'day', 今日: 'day', 日报: 'day',
  week: 'week', weekly: 'week', 本周: 'week', 周报: 'week', 这周: 'week',
  month: 'month', monthly: 'month', 本月: 'month', 月报: 'month', 这个月: 'month',
};

async function findMember(ctx: Context, name: string): Promise<MemberSummary | null> {
  const members = await ctx.store.teams.members(ctx.team.id);
  const want = name.trim().toLowerCase();
  return members.find((m) => m.user.displayName.toLowerCase() === want) ?? null;
}

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
      await ctx.store.digests.setChannel({ teamId: ctx.team.id, platform: ctx.msg.platform, chatId: ctx.msg.chatId, setBy: ctx.user.id });
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

type Source = 'given' | 'rep' | 'team' | 'default' | 'target' | 'month' | 'calendar';

/** Rates from the rep's last three months, else the team's, else the stated defaults. */
async function historicalRates(ctx: Context, repId: number) {
  const to = ctx.now;
  const from = inZone(to, ctx.team.timezone).minus({ months: 3 }).toJSDate();
  const m = await ctx.store.metrics.teamMetrics(ctx.team.id, from, to, { repId });
  const rep = m.reps[0];
  const pick = (field: 'closeRate' | 'cardRate', enough: (r: typeof m.team) => boolean): [number, Source] => {
    if (rep && enough(rep) && rep[field]) return [rep[field]!, 'rep'];
    if (enough(m.team) && m.team[field]) return [m.team[field]!, 'team'];
    return [DEFAULT_RATES[field], 'default'];
  };
  return {
    closeRate: pick('closeRate', (r) => r.pool >= MIN_POOL),
    cardRate: pick('cardRate', (r) => r.newCustomers >= MIN_NEW_CUSTOMERS),
  };
}

const planCommand: Command = {
  name: 'plan',
  aliases: ['计划'],
  help: (lang) => texts(lang).planHelp,
  async run(ctx, args) {
    const t = texts(ctx.lang);
    const req = parsePlanArgs(args);
    if ('error' in req) return [textReply(t.planBad(req.error))];
    let rep: UserRecord = ctx.user;
    if (req.rep) {
      const member = await findMember(ctx, req.rep);
      if (!member) return [textReply(t.noSuchRep(req.rep))];
      if (member.user.id !== ctx.user.id && !managesTeam(ctx.viewer, ctx.team.id)) return [textReply(t.ownOnly)];
      rep = member.user;
    }
    const zone = ctx.team.timezone;
    const month = monthOf(ctx.now, zone);
    const sources: Partial<Record<PlanField, Source>> = {};
    const v = { ...req.values };
    for (const k of Object.keys(v) as PlanField[]) sources[k] = 'given';
    if (v.deals === undefined) {
      const target = (await ctx.store.targets.list(ctx.team.id, month)).find((x) => x.userId === rep.id && x.metric === 'deals');
      if (!target) return [textReply(t.planNeedDeals)];
      v.deals = target.value;
      sources.deals = 'target';
    }
    if (v.closeRate === undefined || v.cardRate === undefined) {
      const rates = await historicalRates(ctx, rep.id);
      if (v.closeRate === undefined) [v.closeRate, sources.closeRate] = rates.closeRate;
      if (v.cardRate === undefined) [v.cardRate, sources.cardRate] = rates.cardRate;
    }
    if (v.carried === undefined) {
      const m = periodOf('month', ctx.now, zone);
      const mtd = await ctx.store.metrics.teamMetrics(ctx.team.id, m.from, ctx.now, { repId: rep.id });
      v.carried = mtd.reps[0]?.carriedACards ?? 0;
      sources.carried = 'month';
    }
    if (v.days === undefined) {
      v.days = Math.max(1, workingDaysLeftInMonth(ctx.now, zone, teamSettings(ctx.team).workingDays, true));
      sources.days = 'calendar';
    }
    const inputs = { deals: v.deals, closeRate: v.closeRate!, carried: v.carried, cardRate: v.cardRate!, days: v.days };
    let plan;
    try {
      plan = makePlan(inputs);
    } catch (err) {
      if (err instanceof PlanError) return [textReply(t.planBadValue)];
      throw err;
    }
    const shown: Record<PlanField, string> = { deals: String(inputs.deals), closeRate: pct(inputs.closeRate), carried: String(inputs.carried), cardRate: pct(inputs.cardRate), days: String(inputs.days) };
    const sep = ctx.lang === 'zh' ? '；' : '; ';
    const from = (Object.keys(shown) as PlanField[]).map((f) => `${t.field[f]} ${shown[f]}${ctx.lang === 'zh' ? `（${t.source[sources[f]!]}）` : ` (${t.source[sources[f]!]})`}`).join(sep);
    const text = [
      t.planTitle(rep.displayName),
      t.planChain(inputs.deals, pct(inputs.closeRate), plan.pool, inputs.carried, plan.newACards, pct(inputs.cardRate), plan.newCustomers, inputs.days, plan.customersPerDay, plan.aCardsPerDay),
      `${t.sources}${ctx.lang === 'zh' ? '' : ' '}${from}`,
    ].join('\n');
    return [textReply(text)];
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
