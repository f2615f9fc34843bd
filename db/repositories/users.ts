import { and, eq, sql } from 'drizzle-orm';
import type { UserRepository } from '../../core/ports.ts';
import type { Db } from '../connect.ts';
import { identities, users } from '../schema.ts';

export function userRepository(db: Db): UserRepository {
  return {
    async get(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
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
