/**
 * `/script ARGS` → who or what the script is for, and the goal of the call. A customer is looked
 * up in the viewer's scope (reps: their own; managers: their team's) by name, company or phone; a
 * product by the knowledge base's product names and product article titles and tags. When nothing
 * matches, the closest customers and products are offered.
 */
import { canRead, scopeOf } from '../access.ts';
import type { Context } from '../context.ts';
import type { KnowledgeService } from '../knowledge/service.ts';
import type { Stage } from '../domain.ts';
import type { ArticleRecord, CustomerRecord } from '../records.ts';
import type { CustomerHistory, Goal } from './types.ts';

const GOAL_WORDS: Array<[RegExp, Goal, boolean]> = [
  [/首次(?:电话|通话|致电|拨打)?|第一次(?:打|电话|通话)?|初次(?:电话|通话)?|first[\s-]*call|intro(?:duction)?|cold[\s-]*call/i, 'appointment', true],
  [/试用|体验|trial/i, 'trial', false],
  [/定金|订金|付款|开卡|成交|deposit|payment|close the deal/i, 'deposit', false],
  [/续费|续约|续卡|续期|renewal|renew/i, 'renewal', false],
  [/预约|约见|约时间|见面|演示|appointment|meeting|demo/i, 'appointment', false],
];

export interface ParsedArgs {
  query: string;
  goal: Goal | null;
  firstCall: boolean;
}

/** Takes the goal words out of the arguments; what is left names the customer or product. */
export function parseScriptArgs(args: string): ParsedArgs {
  let rest = args.trim();
  let goal: Goal | null = null;
  let firstCall = false;
  for (const [re, g, first] of GOAL_WORDS) {
    const m = rest.match(re);
    if (!m) continue;
    goal ??= g;
    if (first) firstCall = true;
    rest = rest.replace(re, ' ');
  }
  rest = rest.replace(/[，,、]+/g, ' ').replace(/\s+/g, ' ').trim();
  return { query: rest, goal, firstCall };
}

/** The goal a call usually has at this stage of the customer's lifecycle. */
export function defaultGoal(stage: Stage): Goal {
  switch (stage) {
    case 'contacted':
      return 'trial';
    case 'intent':
      return 'deposit';
    case 'won':
      return 'renewal';
    default:
      return 'appointment';
  }
}

export async function historyOf(ctx: Context, customer: CustomerRecord): Promise<CustomerHistory> {
  const activities = await ctx.store.activities.listForCustomer(customer.id, { limit: 50 });
  const sorted = [...activities].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  const products = [...new Set(sorted.flatMap((a) => a.products))];
  const objections = [...new Set(sorted.flatMap((a) => a.objections))];
  return { customer, products, objections, last: sorted[0] ?? null };
}

/** A product article's short name: the tag its title starts with, else the title before any bracket. */
export function productNameOf(article: ArticleRecord): string {
  const tag = article.tags.find((t) => t.length >= 2 && article.title.toLowerCase().startsWith(t.toLowerCase()));
  if (tag) return tag;
  return article.title.split(/[（(：:，,]/)[0]!.trim() || article.title;
}

function normal(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

/** Share of the query's characters (Han) or words found in the candidate, 0–1. */
function overlap(query: string, candidate: string): number {
  const q = normal(query);
  const c = normal(candidate);
  if (!q || !c) return 0;
  if (c.includes(q) || q.includes(c)) return 1;
  const units = /[a-z]/.test(q) ? q.split(/[^a-z0-9]+/).filter((w) => w.length >= 2) : [...q];
  if (!units.length) return 0;
  return units.filter((u) => c.includes(u)).length / units.length;
}

/** The product articles, each once, with their short names. */
async function products(knowledge: KnowledgeService): Promise<Array<{ name: string; article: ArticleRecord }>> {
  const names = await knowledge.productNames();
  const articles = (await knowledge.articles()).filter((a) => a.kind === 'product');
  const out: Array<{ name: string; article: ArticleRecord }> = [];
  const seen = new Set<number>();
  for (const name of names) {
    const a = articles.find((x) => x.title.toLowerCase().startsWith(name.toLowerCase()));
    if (a && !seen.has(a.id)) {
      seen.add(a.id);
      out.push({ name, article: a });
    }
  }
  for (const a of articles) if (!seen.has(a.id)) out.push({ name: productNameOf(a), article: a });
  return out;
}

/** The product the query names: exact name, then a title or tag containing it. */
export async function matchProduct(knowledge: KnowledgeService, query: string): Promise<{ name: string; article: ArticleRecord } | null> {
  const q = normal(query);
  if (q.length < 2) return null;
  const list = await products(knowledge);
  return (
    list.find((p) => normal(p.name) === q) ??
    list.find((p) => normal(p.article.title).includes(q) || p.article.tags.some((t) => normal(t) === q && t.length >= 2 && !/^(产品|product)$/i.test(t))) ??
    null
  );
}

export async function productById(knowledge: KnowledgeService, id: number): Promise<{ name: string; article: ArticleRecord } | null> {
  return (await products(knowledge)).find((p) => p.article.id === id) ?? null;
}

/** Customers the viewer can see whose name, company or phone contains the query. */
export async function findCustomers(ctx: Context, query: string): Promise<CustomerRecord[]> {
  const found = await ctx.store.customers.search(scopeOf(ctx.viewer), query, { limit: 6 });
  const visible = found.filter((c) => canRead(ctx.viewer, c));
  const exact = visible.filter((c) => c.name.toLowerCase() === query.toLowerCase());
  return exact.length === 1 ? exact : visible;
}

export interface Closest {
  customers: CustomerRecord[];
  products: Array<{ name: string; article: ArticleRecord }>;
}

/** When nothing matches: customers sharing part of the name, products sharing part of the words. */
export async function closestMatches(ctx: Context, knowledge: KnowledgeService, query: string): Promise<Closest> {
  const scope = scopeOf(ctx.viewer);
  const probes = new Set<string>();
  const q = query.trim();
  if (/[a-z]/i.test(q)) for (const w of q.split(/\s+/)) if (w.length >= 2) probes.add(w);
  const han = [...q].filter((ch) => /\p{Script=Han}/u.test(ch));
  for (let i = 0; i + 1 < han.length; i++) probes.add(han[i]! + han[i + 1]!);
  if (han.length) probes.add(han[0]!); // a surname: 张 for 张总
  const digits = q.replace(/\D/g, '');
  if (digits.length >= 4) probes.add(digits.slice(-4));
  const byId = new Map<number, { c: CustomerRecord; score: number }>();
  for (const probe of [...probes].slice(0, 8)) {
    for (const c of await ctx.store.customers.search(scope, probe, { limit: 10 })) {
      if (!canRead(ctx.viewer, c)) continue;
      const score = Math.max(overlap(q, c.name), overlap(q, c.company ?? '') * 0.8, digits && c.phone?.includes(digits.slice(-4)) ? 0.6 : 0);
      if (score > (byId.get(c.id)?.score ?? 0)) byId.set(c.id, { c, score });
    }
  }
  const customers = [...byId.values()].sort((a, b) => b.score - a.score || a.c.id - b.c.id).slice(0, 3).map((x) => x.c);
  const scored = (await products(knowledge))
    .map((p) => ({ p, score: Math.max(overlap(q, p.name), overlap(q, p.article.title) * 0.8, ...p.article.tags.map((t) => overlap(q, t) * 0.6)) }))
    .filter((x) => x.score >= 0.3)
    .sort((a, b) => b.score - a.score || a.p.article.id - b.p.article.id);
  return { customers, products: scored.slice(0, 3).map((x) => x.p) };
}
