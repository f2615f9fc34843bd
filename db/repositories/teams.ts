import { and, asc, eq } from 'drizzle-orm';
import { sortRoles } from '../../core/access.ts';
import type { TeamRepository } from '../../core/ports.ts';
import type { MemberSummary } from '../../core/records.ts';
import type { Db } from '../connect.ts';
import { memberships, teams, users } from '../schema.ts';

export function teamRepository(db: Db): TeamRepository {
  return {
    async get(id) {
      const [row] = await db.select().from(teams).where(eq(teams.id, id));
      return row ?? null;
    },
    async getDefault() {
      const [row] = await db.select().from(teams).where(eq(teams.isDefault, true)).orderBy(asc(teams.id)).limit(1);
      return row ?? null;
    },
    async findByName(name) {
      const [row] = await db.select().from(teams).where(eq(teams.name, name));
      return row ?? null;
    },
    async list() {
      return db.select().from(teams).orderBy(asc(teams.id));
    },
    async create(input) {
      const [row] = await db.insert(teams).values(input).returning();
      if (!row) throw new Error('team insert returned nothing');
      return row;
    },
    async membershipsOf(userId) {
      return db
        .select({ teamId: memberships.teamId, userId: memberships.userId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.teamId));
    },
    async members(teamId) {
      const rows = await db
        .select({ user: users, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.teamId, teamId))
        .orderBy(asc(users.id));
      const byUser = new Map<number, MemberSummary>();
      for (const { user, role } of rows) {
        const entry = byUser.get(user.id) ?? { user, roles: [] };
        entry.roles.push(role);
        byUser.set(user.id, entry);
      }
      return [...byUser.values()].map((m) => ({ ...m, roles: sortRoles(m.roles) }));
    },
    async setRoles(teamId, userId, roles) {
      await db.transaction(async (tx) => {
        await tx.delete(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
        if (roles.length) await tx.insert(memberships).values(roles.map((role) => ({ teamId, userId, role })));
      });
    },
    async anyAdmin() {
      const [row] = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.role, 'admin')).limit(1);
      return row !== undefined;
    },
  };
}
