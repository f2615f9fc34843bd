import { count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { ActivityLog, ActivityRepository, LoggedActivity } from '../../core/ports.ts';
import type { ActivityEffects, ActivityRecord } from '../../core/records.ts';
import { type Db, queryRows, queryRowsPrepared } from '../connect.ts';
import { rowFromJson } from '../json-row.ts';
import { insertRow, updateRow } from '../row-sql.ts';
import { activities, auditLog, customers, followUps } from '../schema.ts';
import { scopeWhere } from './scope.ts';

const DATE_FIELDS = ['intentAt', 'wonAt', 'lostAt', 'lastContactAt'] as const;

/** jsonb keeps dates as ISO strings: turn the customer snapshot's back into Dates. */
function revive(row: typeof activities.$inferSelect): ActivityRecord {
  const effects = row.effects as ActivityEffects | null;
  if (!effects) return row;
  const before: Record<string, unknown> = { ...effects.customerBefore };
  for (const key of DATE_FIELDS) {
    const value = before[key];
    if (typeof value === 'string') before[key] = new Date(value);
  }
  return { ...row, effects: { ...effects, customerBefore: before as ActivityEffects['customerBefore'] } };
}

/**
 * One statement of data-modifying CTEs: customer (created or updated), follow-ups closed, activity,
 * follow-up scheduled and audit entry. Atomic on its own, so it needs no transaction round trips.
 */
function logStatement(input: ActivityLog): SQL {
  const { customer, activity } = input;
  const ctes: SQL[] = [];
  let customerId: SQL | number | null = null;
  let customerRow = false;
  if (customer && 'create' in customer) {
    ctes.push(sql`c as (${insertRow(customers, customer.create)})`);
    customerId = sql`(select id from c)`;
    customerRow = true;
  } else if (customer) {
    customerId = customer.id;
    if (Object.keys(customer.patch).length) {
      ctes.push(sql`c as (${updateRow(customers, customer.id, { ...customer.patch, updatedAt: sql`now()` })})`);
      customerRow = true;
    }
  }

  let effects: ActivityEffects | SQL = activity.effects;
  if (input.closeFollowUps && typeof customerId === 'number') {
    // Former statuses come from the subquery's snapshot, so Undo can restore pending vs snoozed.
    ctes.push(sql`closed as (
      update follow_ups f set status = ${input.closeFollowUps}, updated_at = now()
      from (select id, status from follow_ups where customer_id = ${customerId} and status in ('pending', 'snoozed') for update) old
      where f.id = old.id
      returning f.id, old.status)`);
    effects = sql`jsonb_set(${JSON.stringify(activity.effects)}::jsonb, '{closedFollowUps}',
      coalesce((select jsonb_agg(jsonb_build_object('id', id, 'status', status) order by id) from closed), '[]'::jsonb))`;
  }
  const customerIdValue = typeof customerId === 'number' ? sql`${customerId}` : customerId;
  ctes.push(sql`a as (${insertRow(activities, { ...activity, customerId: customerIdValue, effects })})`);

  const scheduled = input.followUpDueAt && customerId !== null;
  if (scheduled) {
    const followUp = insertRow(followUps, {
      teamId: activity.teamId,
      customerId: customerIdValue!,
      repId: activity.authorId,
      activityId: sql`(select id from a)`,
      dueAt: input.followUpDueAt!,
    });
    ctes.push(sql`f as (${followUp})`);
  }
  const audit = insertRow(auditLog, {
    actorId: activity.authorId,
    action: input.auditAction,
    entity: 'activity',
    entityId: sql`(select id::text from a)`,
    after: sql`(select jsonb_build_object('customerId', customer_id, 'effects', effects) from a)`,
  });
  ctes.push(sql`audit as (${audit})`);

  return sql`with ${sql.join(ctes, sql`, `)}
    select (select row_to_json(a) from a) as activity,
           ${customerRow ? sql`(select row_to_json(c) from c)` : sql`null::json`} as customer,
           ${scheduled ? sql`(select row_to_json(f) from f)` : sql`null::json`} as follow_up`;
}

type Json = Record<string, unknown>;

export function activityRepository(db: Db): ActivityRepository {
  return {
    async log(input): Promise<LoggedActivity> {
      const [row] = await queryRowsPrepared<{ activity: Json; customer: Json | null; follow_up: Json | null }>(db, logStatement(input));
      if (!row?.activity) throw new Error('activity log returned nothing');
      return {
        activity: revive(rowFromJson(activities, row.activity)),
        customer: row.customer ? rowFromJson(customers, row.customer) : null,
        followUp: row.follow_up ? rowFromJson(followUps, row.follow_up) : null,
      };
    },
    async get(id) {
      const [row] = await db.select().from(activities).where(eq(activities.id, id));
      return row ? revive(row) : null;
    },
    async delete(id) {
      await db.delete(activities).where(eq(activities.id, id));
    },
    async listVisible(scope, opts = {}) {
      const rows = await db
        .select()
        .from(activities)
        .where(scopeWhere(scope, activities.authorId, activities.teamId))
        .orderBy(desc(activities.occurredAt), desc(activities.id))
        .limit(opts.limit ?? 100);
      return rows.map(revive);
    },
    async listForCustomer(customerId, opts = {}) {
      const rows = await db
        .select()
        .from(activities)
        .where(eq(activities.customerId, customerId))
        .orderBy(desc(activities.occurredAt), desc(activities.id))
        .limit(opts.limit ?? 20);
      return rows.map(revive);
    },
    async countForCustomer(customerId) {
      const [row] = await db.select({ n: count() }).from(activities).where(eq(activities.customerId, customerId));
      return row?.n ?? 0;
    },
    async recentProductCounts(teamId, scan) {
      // The newest logs by the (team_id, occurred_at) index.
      const rows = await queryRows<{ name: string; logs: number | string }>(
        db,
        sql`select p.name, count(distinct a.id) as logs
            from (select id, products from activities where team_id = ${teamId} and products <> '{}'::text[]
                  order by occurred_at desc, id desc limit ${scan}) a,
                 unnest(a.products) as p(name)
            group by p.name order by p.name`,
      );
      return rows.map((r) => ({ name: r.name, logs: Number(r.logs) }));
    },
  };
}
