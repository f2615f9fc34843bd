import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemo, hasRealData } from '../../bot/cli/demo.ts';
import { composeDigest } from '../../core/digest/compose.ts';
import { periodOf } from '../../core/digest/period.ts';
import { replyText } from '../../core/reply.ts';
import { queryRows } from '../../db/connect.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { childEnv, migratedDataDir, run, runInProcess } from '../support/process.ts';

const NOW = new Date('2026-11-23T20:00:00+08:00');
const DEFAULTS = { teamName: '默认团队', timezone: 'Asia/Shanghai', lang: 'zh' as const };

describe.each(databaseKinds())('salesbot demo data on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(() => database.close());

  it('generates a realistic team whose digest has numbers in every column; the same seed gives the same data', async () => {
    expect(await hasRealData(database.db)).toBe(false);
    const report = await generateDemo(database.store, database.db, { reps: 3, days: 10, seed: 7, now: NOW }, DEFAULTS);
    expect(report.reps).toBe(3);
    expect(report.activities).toBeGreaterThan(1000); // 3 reps × ~9 working days × 60–120 dials
    expect(await hasRealData(database.db)).toBe(true);
    const team = (await database.store.teams.get(report.teamId))!;
    const m = await database.store.metrics.teamMetrics(team.id, periodOf('month', NOW, 'Asia/Shanghai').from, NOW);
    expect(m.reps).toHaveLength(3);
    expect(m.team.connectRate).toBeGreaterThan(0.3);
    expect(m.team.connectRate).toBeLessThan(0.75);
    expect(m.team.newACards).toBeGreaterThan(0);
    expect(m.team.avgCallMin).toBeGreaterThan(0.5);
    const text = replyText(await composeDigest(database.store, team, { period: periodOf('day', NOW, 'Asia/Shanghai'), now: NOW, lang: 'zh' }));
    expect(text).toContain('高频异议');

    const again = await openTestDatabase(kind);
    try {
      const second = await generateDemo(again.store, again.db, { reps: 3, days: 10, seed: 7, now: NOW }, DEFAULTS);
      expect(second).toEqual(report);
      const sum = (db: TestDatabase['db']) => queryRows<{ s: number }>(db, sql`select coalesce(sum(duration_min), 0)::float8 as s from activities`);
      expect(await sum(again.db)).toEqual(await sum(database.db));
    } finally {
      await again.close();
    }
  });
});

describe('salesbot demo (command)', () => {
  it('fills an empty database, then refuses a second run unless --force', async () => {
    const env = childEnv({ DATA_DIR: migratedDataDir() });
    const first = await run(['demo', '--reps', '2', '--days', '3', '--seed', '3'], env); // 3 days: a whole working day before today, whatever the hour
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Demo data: 2 reps, [1-9]\d* customers, [1-9]\d* activities/);
    const refused = await run(['demo', '--reps', '2'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect((await run(['demo', '--reps', '2', '--days', '1', '--force'], env)).code).toBe(0);
    expect((await runInProcess(['demo', '--reps', 'many'])).code).toBe(2);
  });
});
