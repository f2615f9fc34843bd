/**
 * The planning chain of domain.md, as pure arithmetic: a deal target and the rep's rates →
 * the A-card pool needed, the new A-cards to create, the new customers to contact, and per day.
 *   5 deals ÷ close rate 5% = pool 100; − 50 carried = 50 new A-cards; ÷ card rate 25% = 200 new
 *   customers; ÷ 22 working days = 9.1 → 10 a day (always rounded up).
 */

export interface PlanInputs {
  /** Deals to close in the month. */
  deals: number;
  /** 成交率 as a fraction (0.05 = 5%). */
  closeRate: number;
  /** A-cards carried over into the period. */
  carried: number;
  /** 建卡率 as a fraction. */
  cardRate: number;
  /** Working days to spread the work over. */
  days: number;
}

export interface Plan {
  pool: number;
  newACards: number;
  newCustomers: number;
  customersPerDay: number;
  aCardsPerDay: number;
}

/** A month's plan as stored (/plan saves it; the digest tracks it): its inputs and results. */
export interface PlanRecord extends PlanInputs, Plan {
  teamId: number;
  /** null: the team's plan. */
  userId: number | null;
  /** YYYY-MM in the team's zone. */
  month: string;
}

/** Rounds up, forgiving the float noise of percentages (5 ÷ 0.05 must be 100, not 101). */
export function ceilish(x: number): number {
  return Math.ceil(x - 1e-9) || 0; // || 0: no "-0"
}

export class PlanError extends Error {}

export function makePlan(i: PlanInputs): Plan {
  if (!(i.deals >= 0) || !Number.isFinite(i.deals)) throw new PlanError('deals');
  if (!(i.closeRate > 0 && i.closeRate <= 1)) throw new PlanError('closeRate');
  if (!(i.cardRate > 0 && i.cardRate <= 1)) throw new PlanError('cardRate');
  if (!(i.carried >= 0)) throw new PlanError('carried');
  if (!(i.days >= 1)) throw new PlanError('days');
  const pool = ceilish(i.deals / i.closeRate);
  const newACards = Math.max(0, pool - Math.floor(i.carried));
  const newCustomers = ceilish(newACards / i.cardRate);
  const days = Math.floor(i.days);
  return { pool, newACards, newCustomers, customersPerDay: ceilish(newCustomers / days), aCardsPerDay: ceilish(newACards / days) };
}

export type PlanField = 'deals' | 'closeRate' | 'carried' | 'cardRate' | 'days';

export interface PlanRequest {
  /** A rep named in the command (managers planning for a rep). */
  rep?: string;
  values: Partial<Record<PlanField, number>>;
}

const PERCENT = String.raw`(\d+(?:\.\d+)?)\s*[%％]?`;

/** Words and flags: `5单 成交率5% 已有A卡50 建卡率25% 22天`, `5 --close-rate 5% --carried 50 --card-rate 25% --days 22`. */
export function parsePlanArgs(args: string): PlanRequest | { error: string } {
  const values: PlanRequest['values'] = {};
  let rest = ` ${args.trim()} `;
  const take = (re: RegExp, field: PlanField, scale = 1) => {
    const m = rest.match(re);
    if (!m) return;
    values[field] = Number(m[1]) * scale;
    rest = rest.replace(m[0], ' ');
  };
  take(new RegExp(String.raw`--close-rate[=\s]+${PERCENT}`, 'i'), 'closeRate', 0.01);
  take(new RegExp(String.raw`--card-rate[=\s]+${PERCENT}`, 'i'), 'cardRate', 0.01);
  take(/--carried[=\s]+(\d+)/i, 'carried');
  take(/--days[=\s]+(\d+)/i, 'days');
  take(/--deals[=\s]+(\d+)/i, 'deals');
  take(new RegExp(String.raw`(?:成交率|close\s*rate)\s*[:：]?\s*${PERCENT}`, 'i'), 'closeRate', 0.01);
  take(new RegExp(String.raw`(?:建卡率|card\s*rate)\s*[:：]?\s*${PERCENT}`, 'i'), 'cardRate', 0.01);
  take(/(?:已有|结转|现有)?\s*A\s*卡\s*[:：]?\s*(\d+)\s*(?:张|个)?/i, 'carried');
  take(/(\d+)\s*(?:carried|A-cards?)(?![a-z])/i, 'carried');
  take(/(\d+)\s*(?:个)?\s*(?:工作日|天|days?)(?![a-z])/i, 'days');
  take(/(?:成交|目标)?\s*(\d+)\s*(?:单|deals?)(?![a-z])/i, 'deals');
  const tokens = rest.trim().split(/\s+/).filter(Boolean);
  let rep: string | undefined;
  for (const tok of tokens) {
    if (/^\d+(?:\.\d+)?$/.test(tok) && values.deals === undefined) values.deals = Number(tok);
    else if (!rep && !/^--/.test(tok) && !/\d/.test(tok)) rep = tok;
    else return { error: tok };
  }
  return rep ? { rep, values } : { values };
}
