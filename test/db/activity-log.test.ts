/**
 * The one-statement write behind logging a call (activities.log) and the one-statement start of
 * every message (users.openMessage): what they return must be exactly what reading back gives,
 * on both databases (they return rows as JSON, decoded column by column).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Store } from '../../core/ports.ts';
import { queryRows } from '../../db/connect.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';

const AT = new Date('2026-11-23T02:20:00.123Z');

describe.each(databaseKinds())('one-statement writes on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let teamId: number;
  let repId: number;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
    store = database.store;
    teamId = (await store.teams.create({ name: '一组', timezone: 'Asia/Shanghai', lang: 'zh' })).id;
    repId = (await store.users.createWithIdentity({ displayName: 'rep', platform: 'console', platformUserId: 'rep' })).id;
    await store.teams.setRoles(teamId, repId, ['rep']);
  });
  afterEach(() => database.close());

  const activity = (over: Record<string, unknown> = {}) => ({
    teamId,
    authorId: repId,
    kind: 'call' as const,
    customerName: '张总',
    result: 'connected' as const,
    durationMin: 8.5,
    amount: 6800.5,
    products: ['四星卡', '年卡'],
    objections: ['price'],
    followUpAt: new Date('2026-11-24T02:00:00Z'),
    rawText: '张总 聊了8分半',
    sourcePlatform: 'console' as const,
    occurredAt: AT,
    effects: { createdCustomer: true, customerBefore: {}, closedFollowUps: [] },
    ...over,
  });

  it('creates the customer, the activity, the follow-up and the audit entry, returning them as stored', async () => {
    const saved = await store.activities.log({
      customer: { create: { teamId, ownerId: repId, name: '张总', phone: '13912345678', grade: 'A', stage: 'intent', intentAt: AT, lastContactAt: AT } },
      closeFollowUps: null,
      activity: activity(),
      followUpDueAt: new Date('2026-11-24T02:00:00Z'),
      auditAction: 'activity.logged',
    });
    expect(saved.customer).toEqual(await store.customers.get(saved.customer!.id));
    expect(saved.activity).toEqual(await store.activities.get(saved.activity.id));
    expect(saved.followUp).toEqual(await store.followUps.get(saved.followUp!.id));
    expect(saved.activity).toMatchObject({ customerId: saved.customer!.id, amount: 6800.5, durationMin: 8.5, products: ['四星卡', '年卡'], occurredAt: AT });
    expect(saved.followUp).toMatchObject({ customerId: saved.customer!.id, repId, activityId: saved.activity.id, status: 'pending' });
    expect(saved.customer).toMatchObject({ grade: 'A', stage: 'intent', intentAt: AT, ownerId: repId });
    const audit = await queryRows<{ action: string; entity_id: string; after: unknown }>(database.db, sql`select action, entity_id, after from audit_log where entity = 'activity'`);
    expect(audit).toEqual([{ action: 'activity.logged', entity_id: String(saved.activity.id), after: { customerId: saved.customer!.id, effects: saved.activity.effects } }]);
  });

  it('updates an existing customer and closes its open follow-ups, remembering their former status', async () => {
    const customer = await store.customers.create({ teamId, ownerId: repId, name: '李姐' });
    const pending = await store.followUps.create({ teamId, customerId: customer.id, repId, dueAt: AT });
    const snoozed = await store.followUps.create({ teamId, customerId: customer.id, repId, dueAt: AT, status: 'snoozed' });
    const done = await store.followUps.create({ teamId, customerId: customer.id, repId, dueAt: AT, status: 'done' });
    const saved = await store.activities.log({
      customer: { id: customer.id, patch: { doNotCall: true, lastContactAt: AT } },
      closeFollowUps: 'cancelled',
      activity: activity({ customerName: '李姐', effects: { createdCustomer: false, customerBefore: { doNotCall: false, lastContactAt: null }, closedFollowUps: [] } }),
      followUpDueAt: null,
      auditAction: 'activity.logged',
    });
    expect(saved.customer).toMatchObject({ id: customer.id, doNotCall: true, lastContactAt: AT });
    expect(saved.followUp).toBeNull();
    expect(saved.activity.effects).toEqual({
      createdCustomer: false,
      customerBefore: { doNotCall: false, lastContactAt: null },
      closedFollowUps: [
        { id: pending.id, status: 'pending' },
        { id: snoozed.id, status: 'snoozed' },
      ],
    });
    expect((await store.followUps.get(pending.id))?.status).toBe('cancelled');
    expect((await store.followUps.get(snoozed.id))?.status).toBe('cancelled');
    expect((await store.followUps.get(done.id))?.status).toBe('done');
  });

  it('leaves an unchanged customer alone and logs an activity about nobody', async () => {
    const customer = await store.customers.create({ teamId, ownerId: repId, name: '王总' });
    const same = await store.activities.log({ customer: { id: customer.id, patch: {} }, closeFollowUps: null, activity: activity(), followUpDueAt: null, auditAction: 'activity.logged' });
    expect(same.customer).toBeNull(); // unchanged: the caller keeps the one it matched
    expect(same.activity.customerId).toBe(customer.id);
    const nobody = await store.activities.log({ customer: null, closeFollowUps: null, activity: activity({ customerName: null }), followUpDueAt: new Date(), auditAction: 'activity.logged' });
    expect(nobody).toMatchObject({ customer: null, followUp: null, activity: { customerId: null } });
  });

  it('opens a message once per delivery id, with the session of a known sender', async () => {
    const open = (deliveryId?: string, platformUserId = 'rep') =>
      store.users.openMessage({ platform: 'console', platformUserId, chatKey: 'console:c', now: AT, deliveryId });
    const first = await open('d1');
    expect(first.duplicate).toBe(false);
    expect(first.session).toMatchObject({ user: { id: repId }, team: { id: teamId }, memberships: [{ teamId, userId: repId, role: 'rep' }] });
    expect((await open('d1')).duplicate).toBe(true);
    expect((await open()).duplicate).toBe(false);
    expect(await open('d2', 'stranger')).toEqual({ duplicate: false, session: null });
    expect((await open('d2', 'stranger')).duplicate).toBe(true);
  });
});
