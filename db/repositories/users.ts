import { and, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { ConversationState, SenderSession, UserRepository } from '../../core/ports.ts';
import type { MembershipRecord, TeamRecord, UserRecord } from '../../core/records.ts';
import { type Db, queryRows, queryRowsPrepared } from '../connect.ts';
import { identities, linkCodes, users } from '../schema.ts';

interface SessionRow {
  user: UserRecord;
  memberships: MembershipRecord[];
  team: TeamRecord | null;
  dialogue: ConversationState | null;
  identity: { directChatId: string | null; lastSeenAt: string | null };
}

/** User, roles, team and pending dialogue as JSON: everything the router needs, in one select. */
function sessionSelect(platform: string, platformUserId: string, chatKey: string, now: Date): SQL {
  return sql`
    select
      json_build_object('id', u.id, 'displayName', u.display_name, 'lang', u.lang, 'langFixed', u.lang_fixed, 'timezone', u.timezone) as "user",
      coalesce((select json_agg(json_build_object('teamId', m.team_id, 'userId', m.user_id, 'role', m.role) order by m.team_id, m.role)
                from memberships m where m.user_id = u.id), '[]'::json) as memberships,
      (select json_build_object('id', t.id, 'name', t.name, 'timezone', t.timezone, 'lang', t.lang, 'isDefault', t.is_default, 'settings', t.settings)
         from teams t where t.id = (select min(m.team_id) from memberships m where m.user_id = u.id)) as team,
      (select c.state from conversations c where c.user_id = u.id and c.chat_key = ${chatKey} and c.expires_at > ${now.toISOString()}) as dialogue,
      json_build_object('directChatId', i.direct_chat_id, 'lastSeenAt', i.last_seen_at) as identity
    from identities i join users u on u.id = i.user_id
    where i.platform = ${platform} and i.platform_user_id = ${platformUserId}`;
}

function sessionOf(row: SessionRow): SenderSession {
  // PGlite returns json as objects, node-postgres too; both leave it parsed.
  const lastSeenAt = row.identity.lastSeenAt ? new Date(row.identity.lastSeenAt) : null;
  return { user: row.user, memberships: row.memberships, team: row.team, dialogue: row.dialogue, identity: { directChatId: row.identity.directChatId, lastSeenAt } };
}

function sessionFrom([row]: SessionRow[]): SenderSession | null {
  return row ? sessionOf(row) : null;
}

export function userRepository(db: Db): UserRepository {
  return {
    async get(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
    },
    async loadSession(platform, platformUserId, chatKey, now) {
      return sessionFrom(await queryRows<SessionRow>(db, sessionSelect(platform, platformUserId, chatKey, now)));
    },
    async openMessage({ platform, platformUserId, chatKey, now, deliveryId }) {
      const session = sessionSelect(platform, platformUserId, chatKey, now);
      if (!deliveryId) return { duplicate: false, session: sessionFrom(await queryRowsPrepared<SessionRow>(db, session)) };
      // The claim and the session share one statement: one round trip on the hot path.
      const [row] = await queryRowsPrepared<{ duplicate: boolean } & Partial<SessionRow>>(
        db,
        sql`with claim as (
              insert into processed_deliveries (platform, delivery_id) values (${platform}, ${deliveryId})
              on conflict do nothing returning 1)
            select not exists (select 1 from claim) as duplicate, s.*
            from (select 1) one left join lateral (${session}) s on true`,
      );
      return { duplicate: row?.duplicate ?? false, session: row?.user ? sessionOf(row as SessionRow) : null };
    },
    async findByIdentity(platform, platformUserId) {
      const [row] = await db
        .select({ user: users })
        .from(identities)
        .innerJoin(users, eq(users.id, identities.userId))
        .where(and(eq(identities.platform, platform), eq(identities.platformUserId, platformUserId)));
      return row?.user ?? null;
    },
    async findByName(name) {
      const rows = await db
        .selectDistinct({ user: users })
        .from(users)
        .leftJoin(identities, eq(identities.userId, users.id))
        .where(
          sql`lower(${users.displayName}) = lower(${name}) or lower(${identities.displayName}) = lower(${name}) or ${identities.platformUserId} = ${name}`,
        );
      return rows.map((r) => r.user);
    },
    async createWithIdentity({ displayName, platform, platformUserId }) {
      return db.transaction(async (tx) => {
        const [user] = await tx.insert(users).values({ displayName }).returning();
        if (!user) throw new Error('user insert returned nothing');
        await tx.insert(identities).values({ userId: user.id, platform, platformUserId, displayName });
        return user;
      });
    },
    async touchIdentity(platform, platformUserId, at, directChatId) {
      await db
        .update(identities)
        .set(directChatId ? { lastSeenAt: at, directChatId } : { lastSeenAt: at })
        .where(and(eq(identities.platform, platform), eq(identities.platformUserId, platformUserId)));
    },
    async contactPoints(userId) {
      const rows = await db
        .select({ platform: identities.platform, chatId: identities.directChatId })
        .from(identities)
        .where(and(eq(identities.userId, userId), isNotNull(identities.directChatId)))
        .orderBy(sql`${identities.lastSeenAt} desc nulls last`, desc(identities.id));
      return rows.map((r) => ({ platform: r.platform, chatId: r.chatId! }));
    },
    async merge(fromId, intoId) {
      if (fromId === intoId) return;
      await db.transaction(async (tx) => {
        // Roles: the union of both; then every reference to the old user moves to the new one.
        await tx.execute(sql`insert into memberships (team_id, user_id, role)
          select team_id, ${intoId}, role from memberships where user_id = ${fromId} on conflict do nothing`);
        await tx.execute(sql`delete from memberships where user_id = ${fromId}`);
        await tx.execute(sql`delete from conversations where user_id = ${fromId}`);
        await tx.execute(sql`delete from link_codes where user_id = ${fromId}`);
        await tx.execute(sql`update identities set user_id = ${intoId} where user_id = ${fromId}`);
        await tx.execute(sql`update customers set owner_id = ${intoId} where owner_id = ${fromId}`);
        await tx.execute(sql`update activities set author_id = ${intoId} where author_id = ${fromId}`);
        await tx.execute(sql`update follow_ups set rep_id = ${intoId} where rep_id = ${fromId}`);
        await tx.execute(sql`update kb_questions set asker_id = ${intoId} where asker_id = ${fromId}`);
        await tx.execute(sql`update targets set user_id = ${intoId} where user_id = ${fromId}`);
        await tx.execute(sql`update targets set set_by = ${intoId} where set_by = ${fromId}`);
        await tx.execute(sql`update audit_log set actor_id = ${intoId} where actor_id = ${fromId}`);
        await tx.delete(users).where(eq(users.id, fromId));
      });
    },
    async createLinkCode(userId, code, expiresAt) {
      await db.delete(linkCodes).where(eq(linkCodes.userId, userId));
      await db.insert(linkCodes).values({ code, userId, expiresAt });
    },
    async consumeLinkCode(code, now) {
      const [row] = await db.delete(linkCodes).where(eq(linkCodes.code, code)).returning();
      return row && row.expiresAt > now ? row.userId : null;
    },
    async update(id, patch) {
      const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
      if (!row) throw new Error(`user ${id} not found`);
      return row;
    },
  };
}
