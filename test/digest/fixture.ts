/**
 * A small team with hand-counted numbers for Monday 23 November 2026 (Asia/Shanghai), used by the
 * metrics and digest tests. Expected values are written out in metrics.test.ts.
 */
import type { Db } from '../../db/connect.ts';
import { activities, customers, followUps } from '../../db/schema.ts';
import type { TestDatabase } from '../support/db.ts';

export const at = (local: string) => new Date(`2026-${local}+08:00`);

export interface Fixture {
  teamId: number;
  otherTeamId: number;
  zhang: number;
  li: number;
  wang: number;
  boss: number;
}

export async function seedFixture(database: TestDatabase): Promise<Fixture> {
  const store = database.store;
  const db: Db = database.db;
  const team = await store.teams.create({ name: '一组', timezone: 'Asia/Shanghai', lang: 'zh' });
  const other = await store.teams.create({ name: '二组', timezone: 'Asia/Shanghai', lang: 'zh' });
  const user = (name: string) => store.users.createWithIdentity({ displayName: name, platform: 'console', platformUserId: name });
  const [zhang, li, wang, boss, stranger] = [await user('张三'), await user('李四'), await user('王五'), await user('老板'), await user('外人')];
  for (const u of [zhang, li, wang]) await store.teams.setRoles(team.id, u.id, ['rep']);
  await store.teams.setRoles(team.id, boss.id, ['manager']);
  await store.teams.setRoles(other.id, stranger.id, ['rep']);

  const cust = async (ownerId: number, name: string, f: { created: string; intent?: string; won?: string; lost?: string; source?: 'referral' | 'cold_call' }, teamId = team.id) => {
    const [row] = await db
      .insert(customers)
      .values({
        teamId,
        ownerId,
        name,
        createdAt: at(f.created),
        intentAt: f.intent ? at(f.intent) : null,
        wonAt: f.won ? at(f.won) : null,
        lostAt: f.lost ? at(f.lost) : null,
        source: f.source ?? null,
        stage: f.won ? 'won' : f.lost ? 'lost' : f.intent ? 'intent' : 'contacted',
      })
      .returning();
    return row!.id;
  };
  // 张三: new customers cA1, cA3, cA6; new A-cards cA1, cA3; carried cA2, cA5; pool 4; won cA2, cA3; lost cA5.
  const cA1 = await cust(zhang.id, 'cA1', { created: '11-23T09:00:00', intent: '11-23T09:10:00' });
  const cA2 = await cust(zhang.id, 'cA2', { created: '11-10T09:00:00', intent: '11-15T09:00:00', won: '11-23T11:00:00', source: 'referral' });
  const cA3 = await cust(zhang.id, 'cA3', { created: '11-23T10:00:00', intent: '11-23T10:00:00', won: '11-23T16:00:00', source: 'cold_call' });
  await cust(zhang.id, 'cA4', { created: '11-01T09:00:00', intent: '11-02T09:00:00', lost: '11-20T09:00:00' });
  await cust(zhang.id, 'cA5', { created: '11-01T09:00:00', intent: '11-05T09:00:00', lost: '11-23T12:00:00' });
  await cust(zhang.id, 'cA6', { created: '11-23T13:00:00' });
  await cust(zhang.id, 'cA7', { created: '11-01T09:00:00', intent: '11-03T09:00:00', won: '11-10T09:00:00' });
  await cust(zhang.id, 'cA8', { created: '11-24T00:00:00', intent: '11-24T00:00:00' });
  // 李四: one plain new customer.
  const cB1 = await cust(li.id, 'cB1', { created: '11-23T14:00:00' });
  const cX = await cust(stranger.id, 'cX', { created: '11-23T14:00:00', intent: '11-23T14:00:00' }, other.id);

  const act = async (authorId: number, when: string, f: Partial<typeof activities.$inferInsert>, teamId = team.id) => {
    await db.insert(activities).values({ teamId, authorId, kind: 'call', rawText: 'x', occurredAt: at(when), ...f });
  };
  await act(zhang.id, '11-23T09:10:00', { customerId: cA1, result: 'connected', durationMin: 8, objections: ['price', 'trust'] });
  await act(zhang.id, '11-23T11:00:00', { customerId: cA2, result: 'connected', durationMin: 4, stage: 'won', amount: 6800 });
  await act(zhang.id, '11-23T12:00:00', { result: 'no_answer', objections: ['price'] });
  await act(zhang.id, '11-23T12:30:00', { result: 'busy' });
  await act(zhang.id, '11-23T16:00:00', { customerId: cA3, kind: 'visit', stage: 'won', amount: 1200 });
  await act(zhang.id, '11-22T23:59:00', { result: 'connected', durationMin: 10 });
  await act(zhang.id, '11-24T00:00:00', { result: 'connected', durationMin: 10 });
  await act(li.id, '11-23T14:00:00', { customerId: cB1, result: 'connected', durationMin: 3, objections: ['no_time'] });
  await act(li.id, '11-23T15:00:00', { result: 'invalid_number' });
  await act(stranger.id, '11-23T15:00:00', { customerId: cX, result: 'connected', durationMin: 30, stage: 'won', amount: 99999, objections: ['price'] }, other.id);

  const fu = async (repId: number, customerId: number, due: string, status: 'pending' | 'done' | 'snoozed' | 'cancelled') => {
    await db.insert(followUps).values({ teamId: team.id, repId, customerId, dueAt: at(due), status });
  };
  await fu(zhang.id, cA1, '11-23T10:00:00', 'done');
  await fu(zhang.id, cA1, '11-23T15:00:00', 'pending');
  await fu(zhang.id, cA1, '11-23T20:00:00', 'pending');
  await fu(zhang.id, cA1, '11-20T10:00:00', 'snoozed');
  await fu(zhang.id, cA1, '11-23T11:00:00', 'cancelled');
  await fu(zhang.id, cA1, '11-25T10:00:00', 'pending');
  await fu(li.id, cB1, '11-19T10:00:00', 'done');
  await fu(li.id, cB1, '11-23T09:00:00', 'done');
  return { teamId: team.id, otherTeamId: other.id, zhang: zhang.id, li: li.id, wang: wang.id, boss: boss.id };
}
