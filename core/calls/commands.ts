/**
 * /customer (one customer's timeline), /followups (what is open), /today (due today and overdue).
 * All read through the viewer's scope: a rep their own, a manager their team's.
 */
import { DateTime } from 'luxon';
import { canRead, scopeOf } from '../access.ts';
import type { Command, Context, Feature } from '../context.ts';
import { formatAmount, formatDateTime, formatMinutes, formatShort } from '../format.ts';
import { defineMessages } from '../i18n.ts';
import type { ActivityRecord, CustomerRecord, FollowUpWithCustomer } from '../records.ts';
import { type Reply, textReply } from '../reply.ts';
import { customerLabel, timeZoneOf } from './confirmation.ts';
import { labels } from './labels.ts';

const text = defineMessages(
  {
    customerUsage: '/customer 名字或电话',
    customerSummary: '客户档案和联系记录',
    followupsUsage: '/followups',
    followupsSummary: '所有待跟进',
    todayUsage: '/today',
    todaySummary: '今天要跟进的（含逾期）',
    askWho: '要查哪位客户？例如：/customer 张总 或 /customer 1381234',
    notFound: (q: string) => `没有找到「${q}」。只能查看自己的客户（经理可查看团队的）。`,
    several: (q: string) => `有多位客户符合「${q}」，选一位：`,
    grade: (g: string) => `等级 ${g}`,
    doNotCall: '⛔ 勿扰',
    referral: (by: string | null) => (by ? `转介绍自 ${by}` : '转介绍'),
    next: (when: string) => `下次跟进：${when}`,
    noActivity: '还没有联系记录。',
    history: '联系记录：',
    noneOpen: '没有待跟进的客户。',
    noneToday: '今天没有要跟进的客户 🎉',
    open: (n: number) => `待跟进（${n}）：`,
    today: (n: number) => `今天要跟进（${n}，逾期在前）：`,
    overdue: '逾期',
    columns: ['时间', '客户', ''],
  },
  {
    customerUsage: '/customer NAME-OR-PHONE',
    customerSummary: "a customer's record and timeline",
    followupsUsage: '/followups',
    followupsSummary: 'all open follow-ups',
    todayUsage: '/today',
    todaySummary: 'follow-ups due today (and overdue)',
    askWho: 'Which customer? e.g. /customer Zhang or /customer 1381234',
    notFound: (q: string) => `No customer matches "${q}". You can see your own customers (managers: their team's).`,
    several: (q: string) => `Several customers match "${q}"; pick one:`,
    grade: (g: string) => `grade ${g}`,
    doNotCall: '⛔ do not call',
    referral: (by: string | null) => (by ? `referred by ${by}` : 'referral'),
    next: (when: string) => `Next follow-up: ${when}`,
    noActivity: 'No contact logged yet.',
    history: 'Timeline:',
    noneOpen: 'No open follow-ups.',
    noneToday: 'Nothing due today 🎉',
    open: (n: number) => `Open follow-ups (${n}):`,
    today: (n: number) => `Due today (${n}, overdue first):`,
    overdue: 'overdue',
    columns: ['When', 'Customer', ''],
  },
);

/** One line of a timeline: "11/23 10:20 通话 · 已接通 · 8分钟 · 四星卡 · 异议：价格". */
function activityLine(ctx: Context, a: ActivityRecord): string {
  const l = labels(ctx.lang);
  const bits = [formatShort(a.occurredAt, timeZoneOf(ctx)), l.kind[a.kind]];
  if (a.result) bits.push(l.result[a.result]);
  if (a.durationMin != null) bits.push(formatMinutes(a.durationMin, ctx.lang));
  if (a.intent) bits.push(a.intent);
  if (a.stage === 'won') bits.push(`${l.stage.won}${a.amount != null ? ` ${formatAmount(a.amount, ctx.lang)}` : ''}`);
  if (a.products.length) bits.push(l.list(a.products));
  if (a.objections.length) bits.push(l.list(a.objections.map((o) => l.objection[o as keyof typeof l.objection] ?? o)));
  return bits.join(' · ');
}

async function timeline(ctx: Context, c: CustomerRecord): Promise<Reply[]> {
  const t = text(ctx.lang);
  const l = labels(ctx.lang);
  const head = [customerLabel(ctx, c), l.stage[c.stage]];
  if (c.grade) head.push(t.grade(c.grade));
  if (c.doNotCall) head.push(t.doNotCall);
  if (c.source === 'referral') head.push(t.referral(c.referredBy));
  const lines = [head.join(' · ')];
  const [next] = await ctx.store.followUps.pendingForCustomer(c.id);
  if (next) lines.push(t.next(formatDateTime(next.dueAt, timeZoneOf(ctx), ctx.lang)));
  const history = await ctx.store.activities.listForCustomer(c.id, { limit: 10 });
  if (!history.length) lines.push(t.noActivity);
  else lines.push(t.history, ...history.map((a) => `• ${activityLine(ctx, a)}`));
  return [textReply(lines.join('\n'))];
}

const customer: Command = {
  name: 'customer',
  aliases: ['c', '查客户'],
  help: (lang) => ({ usage: text(lang).customerUsage, summary: text(lang).customerSummary }),
  async run(ctx, args) {
    const t = text(ctx.lang);
    const query = args.trim();
    if (!query) return [textReply(t.askWho)];
    const found = await ctx.store.customers.search(scopeOf(ctx.viewer), query, { limit: 6 });
    const exact = found.filter((c) => c.name.toLowerCase() === query.toLowerCase());
    const pick = exact.length === 1 ? exact : found;
    if (!pick.length) return [textReply(t.notFound(query))];
    if (pick.length === 1 && pick[0]) return timeline(ctx, pick[0]);
    return [textReply(t.several(query), pick.map((c) => ({ label: customerLabel(ctx, c), action: 'customer.show', value: String(c.id) })))];
  },
};

function followUpTable(ctx: Context, title: string, list: FollowUpWithCustomer[]): Reply {
  const t = text(ctx.lang);
  const now = ctx.now.getTime();
  const rows = list.map((f) => [
    formatShort(f.dueAt, timeZoneOf(ctx)),
    customerLabel(ctx, f.customer),
    f.dueAt.getTime() < now ? t.overdue : '',
  ]);
  return { blocks: [{ type: 'text', text: title }, { type: 'table', columns: t.columns, rows }] };
}

const followups: Command = {
  name: 'followups',
  aliases: ['fu', '跟进'],
  help: (lang) => ({ usage: text(lang).followupsUsage, summary: text(lang).followupsSummary }),
  async run(ctx) {
    const list = await ctx.store.followUps.listOpen(scopeOf(ctx.viewer), { limit: 50 });
    if (!list.length) return [textReply(text(ctx.lang).noneOpen)];
    return [followUpTable(ctx, text(ctx.lang).open(list.length), list)];
  },
};

const today: Command = {
  name: 'today',
  aliases: ['今天'],
  help: (lang) => ({ usage: text(lang).todayUsage, summary: text(lang).todaySummary }),
  async run(ctx) {
    // Only the sender's own list: a manager's team view is the digest.
    const endOfDay = DateTime.fromJSDate(ctx.now, { zone: timeZoneOf(ctx) }).endOf('day').toJSDate();
    const list = await ctx.store.followUps.listOpen({ userId: ctx.user.id, managedTeamIds: [] }, { dueBefore: endOfDay, limit: 100 });
    if (!list.length) return [textReply(text(ctx.lang).noneToday)];
    return [followUpTable(ctx, text(ctx.lang).today(list.length), list)];
  },
};

export const customerCommandsFeature: Feature = {
  commands: [customer, followups, today],
  actions: {
    async 'customer.show'(ctx, value) {
      const c = await ctx.store.customers.get(Number(value));
      if (!c || !canRead(ctx.viewer, c)) return [textReply(text(ctx.lang).notFound(value ?? ''))];
      return timeline(ctx, c);
    },
  },
};
