/**
 * /plan: a deal target turned into daily work (plan.ts), for the sender, a rep (managers), or the
 * team (`/plan team …`, managers). Inputs not given come from the month's target, the last three
 * months' rates (the rep's, then the team's, then the defaults) and the calendar; the reply says
 * which. The result is saved as the month's plan, which the digest then tracks.
 */
import { managesTeam } from '../access.ts';
import type { Command, Context } from '../context.ts';
import { monthOf, pct, periodOf, workingDaysLeftInMonth } from '../digest/period.ts';
import { findMember, TEAM_WORDS, targetOf } from '../digest/targets.ts';
import { texts } from '../digest/texts.ts';
import { textReply } from '../reply.ts';
import { teamSettings } from '../reminders/settings.ts';
import { inZone } from '../time/calendar.ts';
import { DEFAULT_RATES, MIN_NEW_CUSTOMERS, MIN_POOL } from './defaults.ts';
import { makePlan, type PlanField, parsePlanArgs, PlanError } from './plan.ts';

type Source = 'given' | 'rep' | 'team' | 'default' | 'target' | 'month' | 'calendar';

/** Rates from the last three months: the rep's (null: skipped, for the team's plan), else the team's, else the defaults. */
async function historicalRates(ctx: Context, repId: number | null) {
  const to = ctx.now;
  const from = inZone(to, ctx.team.timezone).minus({ months: 3 }).toJSDate();
  const m = await ctx.store.metrics.teamMetrics(ctx.team.id, from, to, repId === null ? {} : { repId });
  const rep = repId === null ? undefined : m.reps[0];
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

export const planCommand: Command = {
  name: 'plan',
  aliases: ['计划'],
  help: (lang) => texts(lang).planHelp,
  async run(ctx, args) {
    const t = texts(ctx.lang);
    const req = parsePlanArgs(args);
    if ('error' in req) return [textReply(t.planBad(req.error))];
    const manager = managesTeam(ctx.viewer, ctx.team.id);
    // Whose plan: null is the team's.
    let userId: number | null = ctx.user.id;
    let who = ctx.user.displayName;
    if (req.rep && TEAM_WORDS.has(req.rep.toLowerCase())) {
      if (!manager) return [textReply(t.managersOnly)];
      userId = null;
      who = ctx.team.name;
    } else if (req.rep) {
      const member = await findMember(ctx, req.rep);
      if (!member) return [textReply(t.noSuchRep(req.rep))];
      if (member.user.id !== ctx.user.id && !manager) return [textReply(t.ownOnly)];
      userId = member.user.id;
      who = member.user.displayName;
    }
    const zone = ctx.team.timezone;
    const month = monthOf(ctx.now, zone);
    const sources: Partial<Record<PlanField, Source>> = {};
    const v = { ...req.values };
    for (const k of Object.keys(v) as PlanField[]) sources[k] = 'given';
    if (v.deals === undefined) {
      const deals = targetOf(await ctx.store.targets.list(ctx.team.id, month), 'deals', userId);
      if (deals === null) return [textReply(t.planNeedDeals)];
      v.deals = deals;
      sources.deals = 'target';
    }
    if (v.closeRate === undefined || v.cardRate === undefined) {
      const rates = await historicalRates(ctx, userId);
      if (v.closeRate === undefined) [v.closeRate, sources.closeRate] = rates.closeRate;
      if (v.cardRate === undefined) [v.cardRate, sources.cardRate] = rates.cardRate;
    }
    if (v.carried === undefined) {
      const m = periodOf('month', ctx.now, zone);
      const mtd = await ctx.store.metrics.teamMetrics(ctx.team.id, m.from, ctx.now, userId === null ? {} : { repId: userId });
      v.carried = (userId === null ? mtd.team : mtd.reps[0])?.carriedACards ?? 0;
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
    // The chain floors carried and days; the stored plan holds what it computed with.
    const saved = { ...inputs, carried: Math.floor(inputs.carried), days: Math.floor(inputs.days), ...plan };
    await ctx.store.transaction(async (tx) => {
      await tx.plans.save({ teamId: ctx.team.id, userId, month, ...saved, setBy: ctx.user.id });
      await tx.audit.record({ actorId: ctx.user.id, action: 'plan.set', entity: 'team', entityId: ctx.team.id, after: { userId, month, ...saved } });
    });
    const shown: Record<PlanField, string> = { deals: String(inputs.deals), closeRate: pct(inputs.closeRate), carried: String(inputs.carried), cardRate: pct(inputs.cardRate), days: String(inputs.days) };
    const zh = ctx.lang === 'zh';
    const from = (Object.keys(shown) as PlanField[]).map((f) => `${t.field[f]} ${shown[f]}${zh ? `（${t.source[sources[f]!]}）` : ` (${t.source[sources[f]!]})`}`).join(zh ? '；' : '; ');
    const text = [
      t.planTitle(who),
      t.planChain(inputs.deals, pct(inputs.closeRate), plan.pool, inputs.carried, plan.newACards, pct(inputs.cardRate), plan.newCustomers, inputs.days, plan.customersPerDay, plan.aCardsPerDay),
      `${t.sources}${zh ? '' : ' '}${from}`,
      t.planSaved(who, month),
    ].join('\n');
    return [textReply(text)];
  },
};
