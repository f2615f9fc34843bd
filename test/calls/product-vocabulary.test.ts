/**
 * The team's product vocabulary: the knowledge base's names plus the names two of the team's logs
 * share, re-read from the store at most every 15 minutes of message time, grown at once by this
 * process and forgotten on Undo or Edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductVocabulary } from '../../core/calls/product-vocabulary.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';

describe('product vocabulary of a team', () => {
  let database: TestDatabase;
  let teamId: number;
  let repId: number;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const store = database.store;
    teamId = (await store.teams.create({ name: '一组', timezone: 'Asia/Shanghai', lang: 'zh' })).id;
    repId = (await store.users.createWithIdentity({ displayName: 'rep', platform: 'console', platformUserId: 'rep' })).id;
  });
  afterAll(() => database.close());

  /** A log written by another process: straight to the store. */
  const logElsewhere = (products: string[]) =>
    database.store.activities.log({
      customer: null,
      closeFollowUps: null,
      activity: { teamId, authorId: repId, kind: 'call', customerName: '张总', result: 'connected', products, objections: [], rawText: products.join(','), sourcePlatform: 'console', occurredAt: new Date(), effects: { createdCustomer: false, customerBefore: {}, closedFollowUps: [] } },
      followUpDueAt: null,
      auditAction: 'activity.logged',
    });

  it('knows a name once two logs have it; counts this process’s logs at once, others’ after 15 minutes', async () => {
    const vocabulary = new ProductVocabulary({ productNames: async () => ['四星卡'] }, database.store);
    const at = (min: number) => ({ id: teamId, now: new Date(Date.UTC(2027, 0, 1, 9, min)) });
    await logElsewhere(['家电全保']);
    await logElsewhere(['家电全保', '清洗套餐']);
    expect(await vocabulary.productNames(at(0))).toEqual(['四星卡', '家电全保']);
    expect(await vocabulary.productNames()).toEqual(['四星卡']); // no team: the catalogue only

    vocabulary.remember(teamId, ['清洗套餐']); // a second log here: known at once
    await logElsewhere(['三年延保']);
    await logElsewhere(['三年延保']);
    expect(await vocabulary.productNames(at(10))).toEqual(['四星卡', '家电全保', '清洗套餐']);
    expect(await vocabulary.productNames(at(16))).toContain('三年延保'); // re-read

    vocabulary.remember(teamId, ['一次性名字']);
    vocabulary.forget(teamId); // an Undo: what this process counted is re-read from the store
    expect(await vocabulary.productNames(at(17))).not.toContain('一次性名字');
    expect(await vocabulary.productNames({ id: teamId + 1, now: at(17).now })).toEqual(['四星卡']);
  });
});
