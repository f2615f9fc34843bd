/**
 * Dates, durations and money as a person reads them, in the reader's language and time zone.
 */
import type { Lang } from './domain.ts';

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Building an Intl formatter costs far more than using one: keep one per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: Date, timeZone: string) {
  const p = Object.fromEntries(formatterFor(timeZone).formatToParts(date).map((x) => [x.type, x.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday ?? '');
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: p.hour ?? '00', minute: p.minute ?? '00', weekday };
}

/** "11月25日 周三 14:00" / "Wed 25 Nov 14:00". */
export function formatDateTime(date: Date, timeZone: string, lang: Lang): string {
  const p = parts(date, timeZone);
  if (lang === 'zh') return `${p.month}月${p.day}日 ${WEEKDAYS_ZH[p.weekday]} ${p.hour}:${p.minute}`;
  const month = MONTHS_EN[p.month - 1];
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][p.weekday];
  return `${weekday} ${p.day} ${month} ${p.hour}:${p.minute}`;
}

/** "11/25 14:00" — compact, for tables and timelines. */
export function formatShort(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.month}/${p.day} ${p.hour}:${p.minute}`;
}

/** The calendar day of `date` in the zone, as YYYY-MM-DD. */
export function localDay(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function formatMinutes(minutes: number, lang: Lang): string {
  const m = Math.round(minutes * 10) / 10;
  return lang === 'zh' ? `${m}分钟` : `${m} min`;
}

export function formatAmount(amount: number, lang: Lang): string {
  const n = amount.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  return lang === 'zh' ? `${n}元` : n;
}
