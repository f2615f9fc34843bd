import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres, openDatabase, queryRows } from '../../db/connect.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';

const TABLES = [
  'activities',
  'audit_log',
  'conversations',
  'customers',
  'digest_channels',
  'follow_ups',
  'identities',
  'kb_questions',
  'knowledge_articles',
  'link_codes',
  'memberships',
  'outbox',
  'plans',
  'processed_deliveries',
  'scheduled_runs',
  'targets',
  'teams',
  'users',
];

async function tableNames(database: TestDatabase): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe.each(databaseKinds())('migrations on %s', (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('creates every table of the domain', async () => {
    database = await openTestDatabase(kind);
    expect(await tableNames(database)).toEqual(TABLES);
  });

  it('records the applied migration so a second run changes nothing', async () => {
    database = await openTestDatabase(kind);
    const count = sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const [before] = await queryRows<{ n: number }>(database.db, count);
    expect(before?.n).toBeGreaterThan(0);
    if (kind === 'postgres') await migratePostgres(database.url!);
    const [after] = await queryRows<{ n: number }>(database.db, count);
    expect(after?.n).toBe(before?.n);
  });

  it('enforces the domain constraints (one identity per platform account)', async () => {
    database = await openTestDatabase(kind);
    const { store } = database;
    await store.users.createWithIdentity({ displayName: 'A', platform: 'slack', platformUserId: 'U1' });
    await expect(store.users.createWithIdentity({ displayName: 'B', platform: 'slack', platformUserId: 'U1' })).rejects.toThrow();
    // The failed insert rolled back whole: no orphan user named B.
    expect(await store.users.findByName('B')).toEqual([]);
  });
});

describe('PGlite in a data folder', () => {
  it('is created, migrated on first open, and keeps its data across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesbot-dir-'));
    try {
      const progress: string[] = [];
      const first = await openDatabase({ dataDir: dir, onProgress: (m) => progress.push(m) });
      await first.db.execute(sql`insert into teams (name) values ('persisted')`);
      await first.close();
      expect(progress.join('\n')).toMatch(/first start/);

      const again: string[] = [];
      const second = await openDatabase({ dataDir: dir, onProgress: (m) => again.push(m) });
      const rows = await queryRows<{ name: string }>(second.db, sql`select name from teams`);
      await second.close();
      expect(rows.map((r) => r.name)).toEqual(['persisted']);
      expect(again).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
