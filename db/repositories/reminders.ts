/**
 * The reminder scheduler's queries. follow_ups is the job queue: a reminder is "claimed" by
 * locking its follow-up row with FOR UPDATE SKIP LOCKED, so several bot processes split the due
 * reminders between them and a process that dies mid-batch releases its rows on rollback.
 */
import { and, asc, desc, eq, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { ReminderRepository } from '../../core/ports.ts';
import type { ActivityRecord } from '../../core/records.ts';
import { type Db, queryRows } from '../connect.ts';
import { activities, customers, followUps, scheduledRuns, teams, users } from '../schema.ts';

const OPEN = sql`f.status in ('pending', 'snoozed')`;
const CALLABLE = sql`not c.do_not_call and c.stage <> 'lost'`;

function idList(ids: number[]): SQL {
  return sql.join(ids.map((id) => sql`${id}::int`), sql`, `);
}

export function reminderRepository(db: Db): ReminderRepository {
  return {
    async setTeamSettings(teamId, settings) {
      await db.update(teams).set({ settings }).where(eq(teams.id, teamId));
    },

    async schedulingTeams() {
      const zones = await queryRows<{ team_id: number; zone: string }>(
        db,
        sql`select distinct f.team_id, coalesce(u.timezone, t.timezone) as zone
            from follow_ups f join users u on u.id = f.rep_id join teams t on t.id = f.team_id
            where ${OPEN} and f.notified_at is null`,
      );
      const all = await db.select().from(teams).orderBy(asc(teams.id));
      return all.map((team) => ({ team, zones: zones.filter((z) => z.team_id === team.id).map((z) => z.zone) }));
    },

    async claimDue(now, windows, limit) {
      if (!windows.length || limit <= 0) return [];
      const open = sql.join(windows.map((w) => sql`(${w.teamId}::int, ${w.zone}::text)`), sql`, `);
      const locked = await queryRows<{ id: number }>(
        db,
        sql`select f.id from follow_ups f
            join customers c on c.id = f.customer_id
            join users u on u.id = f.rep_id
            join teams t on t.id = f.team_id
            where f.notified_at is null and ${OPEN} and f.due_at <= ${now.toISOString()}::timestamptz and ${CALLABLE}
              and (f.team_id, coalesce(u.timezone, t.timezone)) in (${open})
              and exists (select 1 from identities i where i.user_id = f.rep_id and i.direct_chat_id is not null)
            order by f.due_at, f.id
            limit ${limit}
            for update of f skip locked`,
      );
      if (!locked.length) return [];
      const ids = locked.map((r) => r.id);
      const rows = await db
        .select({ followUp: followUps, customer: customers, rep: users, team: teams })
        .from(followUps)
        .innerJoin(customers, eq(customers.id, followUps.customerId))
        .innerJoin(users, eq(users.id, followUps.repId))
        .innerJoin(teams, eq(teams.id, followUps.teamId))
        .where(inArray(followUps.id, ids))
        .orderBy(asc(followUps.dueAt), asc(followUps.id));
      const customerIds = [...new Set(rows.map((r) => r.customer.id))];
      const last = await db
        .selectDistinctOn([activities.customerId])
        .from(activities)
        .where(inArray(activities.customerId, customerIds))
        .orderBy(activities.customerId, desc(activities.occurredAt), desc(activities.id));
      const lastBy = new Map(last.map((a) => [a.customerId, a as ActivityRecord]));
      const heard = await queryRows<{ customer_id: number; objections: string[] | null; products: string[] | null }>(
        db,
        sql`select customer_id,
              (select array_agg(distinct o) from activities a2, unnest(a2.objections) o where a2.customer_id = a.customer_id) as objections,
              (select array_agg(distinct p) from activities a3, unnest(a3.products) p where a3.customer_id = a.customer_id) as products
            from (select distinct customer_id from activities where customer_id in (${idList(customerIds)})) a`,
      );
      const heardBy = new Map(heard.map((h) => [h.customer_id, h]));
      return rows.map((r) => ({
        ...r.followUp,
        customer: r.customer,
        rep: r.rep,
        team: r.team,
        lastActivity: lastBy.get(r.customer.id) ?? null,
        objections: heardBy.get(r.customer.id)?.objections ?? [],
        products: heardBy.get(r.customer.id)?.products ?? [],
      }));
    },

    async markNotified(ids, at) {
      if (!ids.length) return;
      await db.update(followUps).set({ notifiedAt: at, updatedAt: sql`now()` }).where(inArray(followUps.id, ids));
    },

    async reschedule(id, dueAt, status) {
      const [row] = await db
        .update(followUps)
        .set({ dueAt, status, notifiedAt: null, updatedAt: sql`now()` })
        .where(eq(followUps.id, id))
        .returning();
      if (!row) throw new Error(`follow-up ${id} not found`);
      return row;
    },

    async claimRun(kind, scopeKey, period) {
      // A concurrent insert of the same key waits for the first to commit, then conflicts.
      const rows = await db.insert(scheduledRuns).values({ kind, scopeKey, period }).onConflictDoNothing().returning({ kind: scheduledRuns.kind });
      return rows.length === 1;
    },

    async tryLock(key) {
      const [row] = await queryRows<{ ok: boolean }>(db, sql`select pg_try_advisory_xact_lock(${key}::bigint) as ok`);
      return row?.ok === true;
    },

    async cadenceCandidates(teamId, limit) {
      // The Done button also sets last_contact_at, so a follow-up done without a log counts.
      const rows = await queryRows<{ id: number; since: Date | string; zone: string }>(
        db,
        sql`select c.id, coalesce(c.last_contact_at, c.created_at) as since,
                   coalesce(u.timezone, t.timezone) as zone
            from customers c join users u on u.id = c.owner_id join teams t on t.id = c.team_id
            where c.team_id = ${teamId} and c.grade is not null and ${CALLABLE}
              and not exists (select 1 from follow_ups f where f.customer_id = c.id and ${OPEN})
            order by c.id
            limit ${limit}`,
      );
      if (!rows.length) return [];
      const list = await db.select().from(customers).where(inArray(customers.id, rows.map((r) => r.id)));
      const byId = new Map(list.map((c) => [c.id, c]));
      return rows.flatMap((r) => {
        const customer = byId.get(r.id);
        return customer ? [{ customer, since: new Date(r.since), zone: r.zone }] : [];
      });
    },

    async repsWithOpen(teamId) {
      return db
        .selectDistinct({ id: users.id, displayName: users.displayName, lang: users.lang, langFixed: users.langFixed, timezone: users.timezone })
        .from(followUps)
        .innerJoin(users, eq(users.id, followUps.repId))
        .where(and(eq(followUps.teamId, teamId), inArray(followUps.status, ['pending', 'snoozed'])))
        .orderBy(users.id);
    },

    async overdue(teamId, before, limit) {
      const rows = await db
        .select({ followUp: followUps, customer: customers, repName: users.displayName })
        .from(followUps)
        .innerJoin(customers, eq(customers.id, followUps.customerId))
        .innerJoin(users, eq(users.id, followUps.repId))
        .where(
          and(
            eq(followUps.teamId, teamId),
            inArray(followUps.status, ['pending', 'snoozed']),
            lt(followUps.dueAt, before),
            eq(customers.doNotCall, false),
            ne(customers.stage, 'lost'),
          ),
        )
        .orderBy(asc(followUps.dueAt), asc(followUps.id))
        .limit(limit);
      return rows.map((r) => ({ ...r.followUp, customer: r.customer, repName: r.repName }));
    },
  };
}
