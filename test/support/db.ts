/**
 * Fresh, migrated databases for tests: real PGlite always, real PostgreSQL when DATABASE_URL is
 * set (CI sets it). Use `describe.each(databaseKinds())` so a test runs on both.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../db/connect.ts';
import { createStore } from '../../db/store.ts';
import type { Store } from '../../core/ports.ts';
import { databaseUrlWith } from './global-setup.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export function databaseKinds(): DatabaseKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  store: Store;
  /** A connection URL when the database is PostgreSQL (for child processes). */
  url?: string;
}

let dump: Blob | undefined;

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    dump ??= new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const database = await openDatabase({ pgliteDump: dump, migrate: false });
    return { ...database, store: createStore(database.db) };
  }
  const base = process.env.DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!base || !template) throw new Error('PostgreSQL tests need DATABASE_URL');
  const name = `salesbot_t_${process.ppid}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlWith(base, name);
  const database = await openDatabase({ databaseUrl: url, migrate: false });
  return {
    ...database,
    url,
    store: createStore(database.db),
    async close() {
      await database.close();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
