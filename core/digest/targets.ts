/**
 * Reading /target: `张三 成交5单 回款3万`, `team dials 100/day`, `Alice deals 5 revenue 30k`,
 * `团队 拨打100/天 接通60/天`. The first word names the rep (or the team) unless it is a metric.
 * Also the look-ups shared by /target, /plan and the digest: a member by name, a target by scope.
 */
import type { Context } from '../context.ts';
import type { TargetMetric } from '../domain.ts';
import type { MemberSummary, TargetRecord } from '../records.ts';

export interface TargetRequest {
  /** 'team', a rep's name, or undefined (= the team). */
  who?: string;
  values: Partial<Record<TargetMetric, number>>;
}

const NUM = String.raw`(\d+(?:\.\d+)?)\s*(万|w|k|千)?`;
const UNITS: Record<string, number> = { 万: 10_000, w: 10_000, k: 1_000, 千: 1_000 };

const PATTERNS: Array<[TargetMetric, RegExp]> = [
  ['dials_per_day', new RegExp(String.raw`(?:拨打|外呼|dials?|calls?)\s*[:：=]?\s*${NUM}\s*(?:个|通|次)?\s*(?:[/每]\s*(?:天|日|day)|a\s*day|per\s*day)?`, 'i')],
  ['connected_per_day', new RegExp(String.raw`(?:接通|connected|connects?)\s*[:：=]?\s*${NUM}\s*(?:个|通|次)?\s*(?:[/每]\s*(?:天|日|day)|a\s*day|per\s*day)?`, 'i')],
  ['deals', new RegExp(String.raw`(?:成交|签单|deals?)\s*[:：=]?\s*${NUM}\s*(?:单|个)?`, 'i')],
  ['revenue', new RegExp(String.raw`(?:回款|业绩|销售额|金额|revenue)\s*[:：=]?\s*[¥￥$]?\s*${NUM}\s*(?:元)?`, 'i')],
];

export const TEAM_WORDS = new Set(['team', '团队', '全组', '全员']);

export function parseTargetArgs(args: string): TargetRequest | { error: string } {
  let rest = ` ${args.trim()} `;
  const values: TargetRequest['values'] = {};
  for (const [metric, re] of PATTERNS) {
    const m = rest.match(re);
    if (!m) continue;
    values[metric] = Number(m[1]) * (m[2] ? (UNITS[m[2].toLowerCase()] ?? 1) : 1);
    rest = rest.replace(m[0], ' ');
  }
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length > 1) return { error: words[1]! };
  const who = words[0];
  if (who && /\d/.test(who)) return { error: who };
  const req: TargetRequest = { values };
  if (who) req.who = TEAM_WORDS.has(who.toLowerCase()) ? 'team' : who;
  return req;
}

/** A member of the viewer's team by display name (case-insensitive). */
export async function findMember(ctx: Context, name: string): Promise<MemberSummary | null> {
  const members = await ctx.store.teams.members(ctx.team.id);
  const want = name.trim().toLowerCase();
  return members.find((m) => m.user.displayName.toLowerCase() === want) ?? null;
}

/** A monthly target of a rep, or of the team (userId null): when unset, the sum of the reps'. */
export function targetOf(targets: TargetRecord[], metric: TargetMetric, userId: number | null): number | null {
  const own = targets.find((t) => t.metric === metric && t.userId === userId);
  if (own) return own.value;
  if (userId !== null) return null;
  const reps = targets.filter((t) => t.metric === metric && t.userId !== null);
  return reps.length ? reps.reduce((s, t) => s + t.value, 0) : null;
}

/** A per-day standard: the rep's own, else the team's. */
export function perDayTarget(targets: TargetRecord[], metric: TargetMetric, userId: number | null): number | null {
  return (userId !== null ? targets.find((t) => t.metric === metric && t.userId === userId)?.value : undefined) ?? targets.find((t) => t.metric === metric && t.userId === null)?.value ?? null;
}
