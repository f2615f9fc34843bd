/** Names of the activity vocabulary in each language. */
import type { ActivityKind, CallResult, Objection, Stage } from '../domain.ts';
import { defineMessages } from '../i18n.ts';

export const labels = defineMessages(
  {
    kind: { call: '通话', visit: '拜访', message: '消息', meeting: '会面' } as Record<ActivityKind, string>,
    result: { connected: '已接通', no_answer: '未接', busy: '占线', invalid_number: '空号/错号' } as Record<CallResult, string>,
    stage: { lead: '线索', contacted: '已联系', intent: '意向(A卡)', won: '成交', lost: '流失' } as Record<Stage, string>,
    objection: {
      price: '价格',
      think_it_over: '再考虑',
      consult_others: '要商量',
      has_supplier: '已有供应商',
      send_materials: '要资料',
      no_time: '没时间',
      no_need: '不需要',
      trust: '不信任',
      competitor_cheaper: '别家便宜',
      other: '其他',
    } as Record<Objection, string>,
    list: (items: string[]) => items.join('、'),
  },
  {
    kind: { call: 'call', visit: 'visit', message: 'message', meeting: 'meeting' } as Record<ActivityKind, string>,
    result: { connected: 'connected', no_answer: 'no answer', busy: 'busy', invalid_number: 'invalid number' } as Record<CallResult, string>,
    stage: { lead: 'lead', contacted: 'contacted', intent: 'intent (A-card)', won: 'won', lost: 'lost' } as Record<Stage, string>,
    objection: {
      price: 'price',
      think_it_over: 'wants to think',
      consult_others: 'must consult others',
      has_supplier: 'has a supplier',
      send_materials: 'wants materials',
      no_time: 'no time',
      no_need: 'no need',
      trust: 'trust',
      competitor_cheaper: 'competitor cheaper',
      other: 'other',
    } as Record<Objection, string>,
    list: (items: string[]) => items.join(', '),
  },
);
