/**
 * The one short message that confirms a logged activity: what was understood, with Undo and Edit.
 */
import { showsFullPhone } from '../access.ts';
import type { Context } from '../context.ts';
import { formatAmount, formatDateTime, formatMinutes } from '../format.ts';
import { defineMessages } from '../i18n.ts';
import { maskPhone } from '../phone.ts';
import type { CustomerRecord } from '../records.ts';
import type { Button, Reply } from '../reply.ts';
import { labels } from './labels.ts';
import type { Recorded } from './record.ts';

const text = defineMessages(
  {
    logged: (kind: string) => `✅ 已记录${kind}`,
    edited: (kind: string) => `✏️ 已修改${kind}`,
    newCustomer: '新客户',
    noCustomer: '没认出是哪位客户，点「修改」告诉我名字或电话。',
    intent: (g: string) => `意向 ${g}`,
    products: (p: string) => `产品：${p}`,
    objections: (o: string) => `异议：${o}`,
    deal: (amount: string) => `成交 ${amount}`,
    won: '成交',
    lost: '已流失',
    referral: (by: string | null) => (by ? `转介绍（${by}）` : '转介绍'),
    followUp: (when: string) => `下次跟进：${when}`,
    noFollowUp: '没有安排下次跟进。',
    doNotCall: (n: number) => `⛔ 已标记为勿扰，不再安排跟进${n ? `（取消了 ${n} 个待跟进）` : ''}。`,
    ambiguous: (name: string) => `有多位客户叫「${name}」，已记在下面这位名下；不对的话点按钮改：`,
    undo: '撤销',
    edit: '修改',
    moveTo: (who: string) => `改为 ${who}`,
    asNew: '是新客户',
  },
  {
    logged: (kind: string) => `✅ Logged ${kind}`,
    edited: (kind: string) => `✏️ Updated ${kind}`,
    newCustomer: 'new customer',
    noCustomer: 'I could not tell who the customer is: tap Edit and tell me the name or number.',
    intent: (g: string) => `intent ${g}`,
    products: (p: string) => `products: ${p}`,
    objections: (o: string) => `objections: ${o}`,
    deal: (amount: string) => `deal ${amount}`,
    won: 'won',
    lost: 'lost',
    referral: (by: string | null) => (by ? `referral (${by})` : 'referral'),
    followUp: (when: string) => `Next follow-up: ${when}`,
    noFollowUp: 'No follow-up scheduled.',
    doNotCall: (n: number) => `⛔ Marked do-not-call; no more follow-ups${n ? ` (${n} pending cancelled)` : ''}.`,
    ambiguous: (name: string) => `Several customers are called "${name}"; I used the one below. Tap to change:`,
    undo: 'Undo',
    edit: 'Edit',
    moveTo: (who: string) => `Use ${who}`,
    asNew: 'New customer',
  },
);

/** "（…）" in Chinese, " (…)" in English. */
function aside(ctx: Context, inner: string): string {
  return ctx.lang === 'zh' ? `（${inner}）` : ` (${inner})`;
}

/** "张总（华通物流，138****5678）": phone in full only for its owner in a private chat. */
export function customerLabel(ctx: Context, c: CustomerRecord): string {
  const phone = c.phone ? (showsFullPhone(ctx.viewer, c, ctx.msg.chatType) ? c.phone : maskPhone(c.phone)) : null;
  const extra = [c.company, phone].filter(Boolean).join(ctx.lang === 'zh' ? '，' : ', ');
  return extra ? c.name + aside(ctx, extra) : c.name;
}

export function timeZoneOf(ctx: Context): string {
  return ctx.user.timezone ?? ctx.team.timezone;
}

export function confirmation(ctx: Context, r: Recorded, opts: { edited?: boolean } = {}): Reply {
  const t = text(ctx.lang);
  const l = labels(ctx.lang);
  const a = r.activity;
  const sep = ' · ';

  const head = [opts.edited ? t.edited(l.kind[a.kind]) : t.logged(l.kind[a.kind])];
  if (r.customer) head.push(customerLabel(ctx, r.customer));
  // An edit re-records the log, which may re-create its customer: that is not news to the rep.
  if (r.match.kind === 'new' && !opts.edited) head.push(t.newCustomer);

  const facts: string[] = [];
  if (a.result) facts.push(l.result[a.result]);
  if (a.durationMin != null) facts.push(formatMinutes(a.durationMin, ctx.lang));
  if (a.intent) facts.push(t.intent(a.intent));
  if (a.stage === 'won') facts.push(a.amount != null ? t.deal(formatAmount(a.amount, ctx.lang)) : t.won);
  else if (a.amount != null) facts.push(formatAmount(a.amount, ctx.lang));
  if (a.stage === 'lost') facts.push(t.lost);
  if (a.products.length) facts.push(t.products(l.list(a.products)));
  if (a.objections.length) facts.push(t.objections(l.list(a.objections.map((o) => l.objection[o as keyof typeof l.objection] ?? o))));
  if (a.referral) facts.push(t.referral(r.customer?.referredBy ?? null));

  const lines = [head.join(sep)];
  if (facts.length) lines.push(facts.join(sep));
  if (!r.customer) lines.push(t.noCustomer);
  if (a.doNotCall) lines.push(t.doNotCall(r.cancelled));
  else if (r.followUp) lines.push(t.followUp(formatDateTime(r.followUp.dueAt, timeZoneOf(ctx), ctx.lang)));
  else if (a.followUpAt === null && r.customer) lines.push(t.noFollowUp);

  const buttons: Button[] = [
    { label: t.undo, action: 'call.undo', value: String(a.id), style: 'danger' },
    { label: t.edit, action: 'call.edit', value: String(a.id) },
  ];
  const blocks: Reply['blocks'] = [{ type: 'text', text: lines.join('\n') }, { type: 'buttons', buttons }];
  if (r.match.kind === 'ambiguous') {
    blocks.push({ type: 'text', text: t.ambiguous(r.match.customer.name) });
    blocks.push({
      type: 'buttons',
      buttons: [
        ...r.match.others.slice(0, 4).map((c) => ({ label: t.moveTo(customerLabel(ctx, c)), action: 'call.pick', value: `${a.id}:${c.id}` })),
        { label: t.asNew, action: 'call.pick', value: `${a.id}:new` },
      ],
    });
  }
  return { blocks };
}
