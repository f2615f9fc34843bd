/**
 * The messages the scheduler sends: a reminder (with its buttons), the morning agenda, the
 * end-of-day nudge, the managers' escalation list. Built without a chat context (nobody wrote to
 * the bot), so phones are always masked.
 */
import { labels } from '../calls/labels.ts';
import type { Lang } from '../domain.ts';
import { formatDateTime, formatMinutes, formatShort } from '../format.ts';
import { maskPhone, maskPhonesIn } from '../phone.ts';
import type { ActivityRecord, CustomerRecord, DueReminder, FollowUpWithCustomer } from '../records.ts';
import type { Reply } from '../reply.ts';
import { texts as scriptTexts } from '../scripts/texts.ts';
import { texts } from './texts.ts';

/** A reminder later than this says how late it is (the bot was down, or hours were closed). */
export const LATE_AFTER_MS = 5 * 60_000;

export function customerLabel(c: CustomerRecord, lang: Lang): string {
  const extra = [c.company, c.phone ? maskPhone(c.phone) : null].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
  return extra ? `${c.name}${lang === 'zh' ? `（${extra}）` : ` (${extra})`}` : c.name;
}

export function formatLate(ms: number, lang: Lang): string {
  const minutes = Math.round(ms / 60_000);
  return texts(lang).duration(Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60);
}

/** The last activity in one line: "11/22 14:00 · 通话 · 已接通 · 8分钟 · A · “嫌贵，要商量…”". */
export function activityLine(a: ActivityRecord, lang: Lang, zone: string): string {
  const l = labels(lang);
  const bits = [formatShort(a.occurredAt, zone), l.kind[a.kind]];
  if (a.result) bits.push(l.result[a.result]);
  if (a.durationMin != null) bits.push(formatMinutes(a.durationMin, lang));
  if (a.intent) bits.push(a.intent);
  const said = maskPhonesIn(a.rawText.replace(/\s+/g, ' ').trim());
  if (said) bits.push(`“${said.length > 40 ? `${said.slice(0, 40)}…` : said}”`);
  return bits.join(' · ');
}

export function objectionNames(list: string[], lang: Lang): string {
  const l = labels(lang);
  return l.list(list.map((o) => l.objection[o as keyof typeof l.objection] ?? o));
}

export function reminderMessage(r: DueReminder, now: Date, lang: Lang, zone: string): Reply {
  const t = texts(lang);
  const late = now.getTime() - r.dueAt.getTime();
  const lines = [t.title(formatDateTime(r.dueAt, zone, lang)) + (late > LATE_AFTER_MS ? t.late(formatLate(late, lang)) : '')];
  lines.push([customerLabel(r.customer, lang), r.customer.grade ? t.grade(r.customer.grade) : null].filter(Boolean).join(' · '));
  lines.push(r.lastActivity ? t.last(activityLine(r.lastActivity, lang, zone)) : t.noLast);
  if (r.objections.length) lines.push(t.objections(objectionNames(r.objections, lang)));
  if (r.products.length) lines.push(t.products(labels(lang).list(r.products)));
  if (r.note) lines.push(t.note(r.note));
  // Button values are ids only: Telegram callback data is limited to 64 bytes.
  const value = String(r.id);
  return {
    blocks: [
      { type: 'text', text: lines.join('\n') },
      {
        type: 'buttons',
        buttons: [
          { label: t.done, action: 'fu.done', value, style: 'primary' },
          { label: t.snooze, action: 'fu.snooze', value },
          { label: t.tomorrow, action: 'fu.tomorrow', value },
          { label: t.resched, action: 'fu.resched', value },
          // A call script for this customer (core/scripts): the value is the customer id.
          { label: scriptTexts(lang).scriptButton, action: 'script.customer', value: String(r.customer.id) },
        ],
      },
    ],
  };
}

const GRADE_RANK: Record<string, number> = { A: 0, B: 1, C: 2 };

/** Overdue first, then by grade (A first, ungraded last), then by time. */
export function agendaOrder(list: FollowUpWithCustomer[], now: Date): FollowUpWithCustomer[] {
  const key = (f: FollowUpWithCustomer) => [f.dueAt < now ? 0 : 1, GRADE_RANK[f.customer.grade ?? ''] ?? 3, f.dueAt.getTime(), f.id];
  return [...list].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return 0;
  });
}

function followUpTable(title: string, list: FollowUpWithCustomer[], now: Date, lang: Lang, zone: string, hint?: string): Reply {
  const t = texts(lang);
  const rows = agendaOrder(list, now).map((f) => [
    formatShort(f.dueAt, zone),
    customerLabel(f.customer, lang),
    f.customer.grade ?? '',
    f.dueAt < now ? t.overdue : '',
  ]);
  const blocks: Reply['blocks'] = [{ type: 'text', text: title }, { type: 'table', columns: t.columns, rows }];
  if (hint) blocks.push({ type: 'text', text: hint });
  return { blocks };
}

export function agendaMessage(list: FollowUpWithCustomer[], now: Date, lang: Lang, zone: string): Reply {
  const overdue = list.filter((f) => f.dueAt < now).length;
  return followUpTable(texts(lang).agendaTitle(list.length, overdue), list, now, lang, zone);
}

export function nudgeMessage(list: FollowUpWithCustomer[], now: Date, lang: Lang, zone: string): Reply {
  const t = texts(lang);
  return followUpTable(t.nudgeTitle(list.length), list, now, lang, zone, t.nudgeHint);
}

export function escalationMessage(list: Array<FollowUpWithCustomer & { repName: string }>, days: number, now: Date, lang: Lang, zone: string): Reply {
  const t = texts(lang);
  const rows = list.map((f) => [f.repName, customerLabel(f.customer, lang), formatShort(f.dueAt, zone), t.days(Math.floor((now.getTime() - f.dueAt.getTime()) / 86_400_000))]);
  return { blocks: [{ type: 'text', text: t.escalationTitle(list.length, days) }, { type: 'table', columns: t.escalationColumns, rows }] };
}
