/**
 * /script: a short call script before calling a customer (`/script 张总`, or Script on a reminder)
 * or for a product and a goal (`/script 四星卡 首次电话`). Built from the knowledge base and the
 * customer's history (pieces.ts), written out section by section with citations (assemble.ts),
 * rewritten by the LLM when there is one and the result passes the grounding check (rewrite.ts).
 *
 * Buttons carry `c:<customer id>:<goal>[:1]` or `p:<article id>:<goal>[:1]` (":1" = first call):
 * well within Telegram's 64 bytes of callback data.
 */
import { canRead } from '../access.ts';
import { customerLabel } from '../calls/confirmation.ts';
import type { Command, Context, Feature } from '../context.ts';
import type { KnowledgeService } from '../knowledge/service.ts';
import { type Button, type Reply, textReply } from '../reply.ts';
import { assembleBlocks } from './assemble.ts';
import { buildPieces } from './pieces.ts';
import { rewriteScript } from './rewrite.ts';
import { closestMatches, defaultGoal, findCustomers, historyOf, matchProduct, parseScriptArgs, productById } from './target.ts';
import { texts } from './texts.ts';
import { GOALS, type Goal, type ScriptTarget } from './types.ts';

interface Ref {
  kind: 'c' | 'p';
  id: number;
  goal: Goal | null;
  firstCall: boolean;
}

function encode(ref: Ref): string {
  return `${ref.kind}:${ref.id}${ref.goal ? `:${ref.goal}` : ''}${ref.firstCall ? ':1' : ''}`;
}

function decode(value: string | undefined): Ref | null {
  const m = (value ?? '').match(/^([cp]):(\d+)(?::([a-z]+))?(?::(1))?$/);
  if (!m) return null;
  const goal = (GOALS as readonly string[]).includes(m[3] ?? '') ? (m[3] as Goal) : null;
  return { kind: m[1] as 'c' | 'p', id: Number(m[2]), goal, firstCall: m[4] === '1' };
}

async function targetOf(ctx: Context, knowledge: KnowledgeService, ref: Ref): Promise<ScriptTarget | null> {
  if (ref.kind === 'c') {
    const c = await ctx.store.customers.get(ref.id);
    if (!c || !canRead(ctx.viewer, c)) return null;
    return { kind: 'customer', history: await historyOf(ctx, c) };
  }
  const p = await productById(knowledge, ref.id);
  return p ? { kind: 'product', name: p.name, article: p.article } : null;
}

async function doNotCallNotice(ctx: Context, knowledge: KnowledgeService, target: Extract<ScriptTarget, { kind: 'customer' }>): Promise<Reply[]> {
  const t = texts(ctx.lang);
  const { articles } = await knowledge.search('客户要求不再来电 勿扰 别再打电话 do not call', 10);
  const policy = articles.find((a) => a.kind === 'policy' && /勿扰|do.not.call/i.test(`${a.title} ${a.tags.join(' ')} ${a.body}`));
  return [textReply(t.doNotCall(customerLabel(ctx, target.history.customer)) + (policy ? t.doNotCallPolicy(policy.title) : ''))];
}

async function script(ctx: Context, knowledge: KnowledgeService, target: ScriptTarget, ref: Ref, short: boolean): Promise<Reply[]> {
  const t = texts(ctx.lang);
  if (target.kind === 'customer' && target.history.customer.doNotCall) return doNotCallNotice(ctx, knowledge, target);
  const goal = ref.goal ?? (target.kind === 'customer' ? defaultGoal(target.history.customer.stage) : 'appointment');
  const pieces = await buildPieces(ctx, knowledge, target, { goal, firstCall: ref.firstCall, short });
  const rewritten = await rewriteScript(
    pieces,
    { lang: ctx.lang, short, customerName: target.kind === 'customer' ? target.history.customer.name : null },
    { llm: ctx.deps.llm, logger: ctx.deps.logger },
  );
  const same: Ref = { ...ref, goal };
  const buttons: Button[] = [
    short ? { label: t.fuller, action: 'script.goal', value: encode(same) } : { label: t.shorter, action: 'script.short', value: encode(same) },
    ...GOALS.filter((g) => g !== goal).map((g) => ({ label: t.goalButton[g], action: 'script.goal', value: encode({ ...ref, goal: g }) })),
  ];
  return [{ blocks: [...assembleBlocks(ctx, pieces, short, rewritten ?? undefined), { type: 'buttons', buttons }] }];
}

async function fromArgs(ctx: Context, knowledge: KnowledgeService, args: string): Promise<Reply[]> {
  const t = texts(ctx.lang);
  const { query, goal, firstCall } = parseScriptArgs(args);
  if (!query) return [textReply(t.askWhat)];
  const customers = await findCustomers(ctx, query);
  if (customers.length === 1) {
    const c = customers[0]!;
    return script(ctx, knowledge, { kind: 'customer', history: await historyOf(ctx, c) }, { kind: 'c', id: c.id, goal, firstCall }, false);
  }
  if (customers.length > 1) {
    return [textReply(t.several(query), customers.map((c) => ({ label: customerLabel(ctx, c), action: 'script.pick', value: encode({ kind: 'c', id: c.id, goal, firstCall }) })))];
  }
  const product = await matchProduct(knowledge, query);
  if (product) {
    return script(ctx, knowledge, { kind: 'product', name: product.name, article: product.article }, { kind: 'p', id: product.article.id, goal, firstCall: true }, false);
  }
  const near = await closestMatches(ctx, knowledge, query);
  const buttons: Button[] = [
    ...near.customers.map((c) => ({ label: customerLabel(ctx, c), action: 'script.pick', value: encode({ kind: 'c', id: c.id, goal, firstCall }) })),
    ...near.products.map((p) => ({ label: t.productLabel(p.name), action: 'script.pick', value: encode({ kind: 'p', id: p.article.id, goal, firstCall: true }) })),
  ];
  return [textReply(`${t.notFound(query)}\n${buttons.length ? t.closest : t.noneClose}`, buttons)];
}

export function scriptsFeature(knowledge: KnowledgeService): Feature {
  const command: Command = {
    name: 'script',
    aliases: ['话术', '脚本'],
    help: (lang) => ({ usage: texts(lang).usage, summary: texts(lang).summary }),
    run: (ctx, args) => fromArgs(ctx, knowledge, args),
  };
  const byRef = (short: boolean) => async (ctx: Context, value: string | undefined) => {
    const ref = decode(value);
    const target = ref && (await targetOf(ctx, knowledge, ref));
    if (!ref || !target) return [textReply(texts(ctx.lang).gone)];
    return script(ctx, knowledge, target, ref, short);
  };
  return {
    commands: [command],
    actions: {
      'script.pick': byRef(false),
      'script.goal': byRef(false),
      'script.short': byRef(true),
      /** The reminder's Script button: the value is the customer id alone. */
      'script.customer': (ctx, value) => byRef(false)(ctx, /^\d+$/.test(value ?? '') ? `c:${value}` : undefined),
    },
  };
}
