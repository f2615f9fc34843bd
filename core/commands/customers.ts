/**
 * /customers: the customers the sender may see (their own; a manager's whole team), phone
 * numbers masked unless the sender owns the customer and reads it in a private chat.
 */
import { scopeOf, showsFullPhone } from '../access.ts';
import type { Command, Feature } from '../context.ts';
import { defineMessages } from '../i18n.ts';
import { maskPhone } from '../phone.ts';
import { textReply } from '../reply.ts';

const LIMIT = 30;

const text = defineMessages(
  {
    usage: '/customers',
    summary: '我能看到的客户（经理：全团队）',
    none: '还没有客户。记录一通电话，客户会自动建好。',
    header: (n: number) => `客户（最近 ${n} 位）：`,
    columns: ['客户', '公司', '电话', '等级', '阶段'],
    stages: { lead: '线索', contacted: '已联系', intent: '意向(A卡)', won: '成交', lost: '流失' } as Record<string, string>,
  },
  {
    usage: '/customers',
    summary: 'customers you can see (managers: the whole team)',
    none: 'No customers yet. Log a call and the customer is created for you.',
    header: (n: number) => `Customers (latest ${n}):`,
    columns: ['Customer', 'Company', 'Phone', 'Grade', 'Stage'],
    stages: { lead: 'lead', contacted: 'contacted', intent: 'intent (A-card)', won: 'won', lost: 'lost' } as Record<string, string>,
  },
);

const customers: Command = {
  name: 'customers',
  aliases: ['客户'],
  help: (l) => text(l),
  async run(ctx) {
    const t = text(ctx.lang);
    const list = await ctx.store.customers.listVisible(scopeOf(ctx.viewer), { limit: LIMIT });
    if (!list.length) return [textReply(t.none)];
    const rows = list.map((c) => [
      c.name,
      c.company ?? '',
      c.phone ? (showsFullPhone(ctx.viewer, c, ctx.msg.chatType) ? c.phone : maskPhone(c.phone)) : '',
      c.grade ?? '',
      t.stages[c.stage] ?? c.stage,
    ]);
    return [{ blocks: [{ type: 'text', text: t.header(list.length) }, { type: 'table', columns: t.columns, rows }] }];
  },
};

export const customersFeature: Feature = { commands: [customers] };
