import { and, eq, sql } from 'drizzle-orm';
import type { ConversationState, UserRepository } from '../../core/ports.ts';
import type { MembershipRecord, TeamRecord, UserRecord } from '../../core/records.ts';
import { type Db, queryRows } from '../connect.ts';
import { identities, users } from '../schema.ts';

interface SessionRow {
  user: UserRecord;
  memberships: MembershipRecord[];
  team: TeamRecord | null;
  dialogue: ConversationState | null;
}

export function userRepository(db: Db): UserRepository {
  return {
    async get(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
    },
    async loadSession(platform, platformUserId, chatKey, now) {
      // One round trip per message: user, roles, team and pending dialogue as JSON.
      const [row] = await queryRows<SessionRow>(
        db,
        sql`
        select
          json_build_object('id', u.id, 'displayName', u.display_name, 'lang', u.lang, 'langFixed', u.lang_fixed, 'timezone', u.timezone) as "user",
          coalesce((select json_agg(json_build_object('teamId', m.team_id, 'userId', m.user_id, 'role', m.role) order by m.team_id, m.role)
                    from memberships m where m.user_id = u.id), '[]'::json) as memberships,
          (select json_build_object('id', t.id, 'name', t.name, 'timezone', t.timezone, 'lang', t.lang, 'isDefault', t.is_default)
             from teams t where t.id = (select min(m.team_id) from memberships m where m.user_id = u.id)) as team,
          (select c.state from conversations c where c.user_id = u.id and c.chat_key = ${chatKey} and c.expires_at > ${now.toISOString()}) as dialogue
        from identities i join users u on u.id = i.user_id
        where i.platform = ${platform} and i.platform_user_id = ${platformUserId}`,
      );
      if (!row) return null;
      // PGlite returns json as objects, node-postgres too; both leave it parsed.
      return { user: row.user, memberships: row.memberships, team: row.team, dialogue: row.dialogue };
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
    async update(id, patch) {
      const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
      if (!row) throw new Error(`user ${id} not found`);
      return row;
    },
  };
}
