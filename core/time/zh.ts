/**
 * Chinese time expressions. chrono-node's Chinese parser misses 下个月5号, drops the weekday of
 * 周五下午 and knows no zones, so these rules are our own. Order matters: longer, more specific
 * forms first (5天后 before 5日, 下个月5号 before 5号).
 */
import type { DateTime } from 'luxon';
import {
  addDays,
  afterSpringFestival,
  comingWeekday,
  dayOfMonth,
  endOfMonth,
  nextWeekWeekday,
  thisWeekWeekday,
  upcomingDayOfMonth,
  upcomingMonthDay,
  type Weekday,
} from './calendar.ts';
import { parseCount } from './numerals.ts';
import type { Period, PieceBody, Rule } from './pieces.ts';

const N = '(\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})';
const WEEKDAY: Record<string, Weekday> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 末: 6,
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7,
};
const PERIODS: Record<string, Period> = {
  凌晨: 'dawn', 早上: 'early', 早晨: 'early', 一早: 'early', 上午: 'morning', 中午: 'noon',
  下午: 'afternoon', 傍晚: 'dusk', 晚上: 'evening', 晚: 'evening', 夜里: 'evening', 夜: 'evening',
};
const PERIOD_RE = '(凌晨|早上|早晨|一早|上午|中午|下午|傍晚|晚上|夜里)';

function num(s: string | undefined): number | null {
  return s === undefined ? null : parseCount(s);
}

function date(day: (now: DateTime) => DateTime | null, extra: Partial<Extract<PieceBody, { type: 'date' }>> = {}): PieceBody {
  return { type: 'date', day, ...extra };
}

/** How many weeks ahead a 下/下下 prefix means; 0 for 这/本; null for none. */
function weeksAhead(prefix: string | undefined): number | null {
  if (!prefix) return null;
  if (prefix.startsWith('下下')) return 2;
  if (prefix.startsWith('下')) return 1;
  return 0;
}

function monthsAhead(prefix: string | undefined): number {
  if (!prefix) return 0;
  if (prefix.startsWith('下下')) return 2;
  if (prefix.startsWith('下')) return 1;
  return 0;
}

function minutesOf(tail: string | undefined, digits: string | undefined): number {
  if (!tail) return 0;
  if (tail === '半') return 30;
  if (tail === '一刻') return 15;
  if (tail === '三刻') return 45;
  const n = num(digits);
  return n !== null && n < 60 ? n : 0;
}

export const ZH_RULES: Rule[] = [
  // An instant: 一个小时后, 半小时以后, 20分钟后, 一刻钟后, 半个钟后 (个钟 = an hour), 个把小时后;
  // also 过半小时 / 过十分钟 (再打), which need no 后.
  {
    re: new RegExp(`(?:(?<![超不经通])(过)\\s*)?(?<![\\d零一二两三四五六七八九十])(\\d{1,3}|[零一二两三四五六七八九十]{1,3}|半|几|个把)(?:\\s*(个))?(?:\\s*(半))?\\s*(小时|钟头|分钟|刻钟|钟(?![头点]))\\s*(后|以后|之后)?`, 'g'),
    make: (m) => {
      if (!m[1] && !m[6]) return null;
      const n = m[2] === '个把' ? 1 : num(m[2]);
      if (n === null || (m[5] === '钟' && !m[3])) return null;
      const amount = n + (m[4] ? 0.5 : 0);
      const minutes = m[5] === '分钟' ? amount : m[5] === '刻钟' ? amount * 15 : amount * 60;
      return { type: 'instant', at: (now) => now.plus({ minutes: Math.round(minutes) }).startOf('minute') };
    },
  },
  { re: /待会儿?|等会儿?|过一会儿?|一会儿|稍后|晚点|晚些时候?/g, make: () => ({ type: 'instant', at: (now) => now.plus({ hours: 1 }).startOf('minute') }) },
  // Relative days: 5天后, 两周以后, 半个月后, 一年后.
  {
    re: new RegExp(`(\\d{1,2}|[零一二两三四五六七八九十]{1,3}|半|几)\\s*个?\\s*(天|日|周|星期|礼拜|月|年)\\s*(?:后|以后|之后)`, 'g'),
    make: (m) => {
      const n = num(m[1]);
      if (n === null) return null;
      return date((now) => relative(now, n, m[2]!));
    },
  },
  // 过两天, 过几天, 过一周, 过段时间.
  {
    re: new RegExp(`过\\s*(\\d{1,2}|[一二两三四五六七八九十]{1,3}|几)\\s*个?\\s*(天|周|星期|礼拜|月)`, 'g'),
    make: (m) => {
      const n = num(m[1]);
      return n === null ? null : date((now) => relative(now, n, m[2]!));
    },
  },
  { re: /过段时间|过阵子|过一阵子?/g, make: () => date((now) => addDays(now, 7)) },
  { re: /今晚/g, make: () => date((now) => addDays(now, 0), { period: 'evening', today: true }) },
  { re: /明晚/g, make: () => date((now) => addDays(now, 1), { period: 'evening' }) },
  { re: /今早/g, make: () => date((now) => addDays(now, 0), { period: 'early', today: true }) },
  { re: /明早|明天一早/g, make: () => date((now) => addDays(now, 1), { period: 'early' }) },
  { re: /大后天/g, make: () => date((now) => addDays(now, 3)) },
  { re: /后天/g, make: () => date((now) => addDays(now, 2)) },
  { re: /明天|明日|明儿/g, make: () => date((now) => addDays(now, 1)) },
  { re: /今天|今日|今儿/g, make: () => date((now) => addDays(now, 0), { today: true }) },
  // 下周二, 下下周五, 这周四, 周五, 星期天, 礼拜三, 周末.
  {
    re: /(下下个?|下个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天末1-7])/g,
    make: (m) => {
      const wd = WEEKDAY[m[2]!]!;
      const ahead = weeksAhead(m[1]);
      if (ahead === null) {
        if (m[2] === '末') return date((now) => (now.weekday === 6 ? addDays(now, 1) : comingWeekday(now, 6)));
        return date((now) => comingWeekday(now, wd));
      }
      if (ahead === 0) return date((now) => thisWeekWeekday(now, wd));
      return date((now) => nextWeekWeekday(now, wd, ahead));
    },
  },
  // 下周 / 下下周 without a weekday: the Monday of that week.
  {
    re: /(下下个?|下个?)(?:周|星期|礼拜)/g,
    make: (m) => {
      const ahead = weeksAhead(m[1]) ?? 1;
      return date((now) => nextWeekWeekday(now, 1, ahead));
    },
  },
  // 12月5号, 明年3月10日, 3月5.
  {
    re: new RegExp(`(明年|今年|后年)?\\s*${N}\\s*月\\s*${N}\\s*(?:号|日)?(?![后内])`, 'g'),
    make: (m) => {
      const month = num(m[2]);
      const day = num(m[3]);
      if (!month || !day || month > 12 || day > 31) return null;
      const years = m[1] === '明年' ? 1 : m[1] === '后年' ? 2 : m[1] === '今年' ? 0 : undefined;
      return date((now) => upcomingMonthDay(now, month, day, years));
    },
  },
  // 下个月5号, 本月20日, 5号.
  {
    re: new RegExp(`(?:(下下个?|下个?|本|这个?)月)?(?<!\\d)${N}\\s*(?:号|日)(?![后内线楼码])`, 'g'),
    make: (m) => {
      const day = num(m[2]);
      if (!day || day > 31) return null;
      if (m[1] === undefined) return date((now) => upcomingDayOfMonth(now, day));
      const ahead = monthsAhead(m[1]);
      return date((now) => dayOfMonth(now, ahead, day));
    },
  },
  // 月底, 下个月初, 月中, 年底.
  {
    re: /(下下个?|下个?|本|这个?)?月(初|中旬?|底|末|上旬|下旬)/g,
    make: (m) => {
      const ahead = monthsAhead(m[1]);
      const part = m[2]!;
      if (part === '底' || part === '末') return date((now) => endOfMonth(now, ahead));
      const day = part === '初' || part === '上旬' ? 1 : part === '下旬' ? 21 : 15;
      if (m[1] === undefined) return date((now) => upcomingDayOfMonth(now, day));
      return date((now) => dayOfMonth(now, ahead, day));
    },
  },
  { re: /年底|年末/g, make: () => date((now) => endOfMonth(now.set({ month: 12 }), 0)) },
  // 下个月 alone: the 1st of next month.
  { re: /(下下个?|下个?)月/g, make: (m) => date((now) => dayOfMonth(now, monthsAhead(m[1]), 1)) },
  // 3月, 明年3月: the 1st of that month.
  {
    re: new RegExp(`(明年|今年)?(?<![\\d个])${N}\\s*月份?(?!\\d)`, 'g'),
    make: (m) => {
      const month = num(m[2]);
      if (!month || month > 12) return null;
      const years = m[1] === '明年' ? 1 : m[1] === '今年' ? 0 : undefined;
      return date((now) => upcomingMonthDay(now, month, 1, years));
    },
  },
  { re: /年后|过完年|春节后|过了年/g, make: () => date((now) => afterSpringFestival(now)) },
  // 下午3点半, 十点, 晚上8点, 3点15分.
  {
    re: new RegExp(`${PERIOD_RE}?\\s*${N}\\s*(?:点钟?|时)(?!钟头)(?:(半|一刻|三刻|过?(\\d{1,2}|[零一二三四五六七八九十]{1,3})分?))?`, 'g'),
    make: (m) => {
      const hour = num(m[2]);
      if (hour === null || hour > 24) return null;
      // 一点 without a part of day is usually "a bit" (便宜一点), not 1 o'clock.
      if (!m[1] && m[2] === '一' && !m[3]) return null;
      return { type: 'time', hour, minute: minutesOf(m[3], m[4]), period: m[1] ? PERIODS[m[1]]! : null };
    },
  },
  {
    // "8:30pm" is left to the English rule, which knows the meridiem.
    re: new RegExp(`${PERIOD_RE}?\\s*(?<!\\d)(\\d{1,2})[:：](\\d{2})(?!\\d|\\s*[ap]\\.?m\\b|\\s*[ap]\\.m\\.)`, 'gi'),
    make: (m) => {
      const hour = Number(m[2]);
      const minute = Number(m[3]);
      if (hour > 23 || minute > 59) return null;
      return { type: 'time', hour, minute, period: m[1] ? PERIODS[m[1]]! : null };
    },
  },
  { re: new RegExp(PERIOD_RE, 'g'), make: (m) => ({ type: 'time', hour: null, minute: 0, period: PERIODS[m[1]!]! }) },
];

function relative(now: DateTime, n: number, unit: string): DateTime {
  const base = now.startOf('day');
  switch (unit) {
    case '天':
    case '日':
      return base.plus({ days: Math.round(n) });
    case '周':
    case '星期':
    case '礼拜':
      return base.plus({ days: Math.round(n * 7) });
    case '月':
      return n === 0.5 ? base.plus({ days: 15 }) : base.plus({ months: Math.round(n) });
    default:
      return n === 0.5 ? base.plus({ months: 6 }) : base.plus({ years: Math.round(n) });
  }
}
