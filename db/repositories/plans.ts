import { and, eq, sql } from 'drizzle-orm';
import type { PlanRepository } from '../../core/ports.ts';
import type { PlanRecord } from '../../core/planning/plan.ts';
import type { Db } from '../connect.ts';
import { plans } from '../schema.ts';

/** The month's plans from /plan, per rep and for the team; saving again replaces the month's. */
export function planRepository(db: Db): PlanRepository {
  return {
    async save({ setBy, ...plan }) {
      const { teamId, userId, month, ...values } = plan;
      await db
        .insert(plans)
        .values({ ...plan, setBy })
        .onConflictDoUpdate({ target: [plans.teamId, plans.userId, plans.month], set: { ...values, setBy, createdAt: sql`now()` } });
    },
    async list(teamId, month) {
      const rows = await db
        .select({
          teamId: plans.teamId, userId: plans.userId, month: plans.month, deals: plans.deals, closeRate: plans.closeRate, cardRate: plans.cardRate,
          carried: plans.carried, days: plans.days, pool: plans.pool, newACards: plans.newACards, newCustomers: plans.newCustomers,
          customersPerDay: plans.customersPerDay, aCardsPerDay: plans.aCardsPerDay,
        })
        .from(plans)
        .where(and(eq(plans.teamId, teamId), eq(plans.month, month)))
        .orderBy(sql`${plans.userId} nulls first`);
      return rows satisfies PlanRecord[];
    },
  };
}
