/**
 * Opens the database: embedded PGlite in a folder by default, PostgreSQL through `pg` when a URL
 * is given. Both get the same drizzle schema and the same migrations, applied on open.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { CustomTypesConfig } from 'pg';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { lockDataDir } from './pglite-lock.ts';
import { pgliteQueryPrepared } from './pglite-prepared.ts';
import { TEXT_TYPE_OIDS } from './text-types.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** Serialises migrations when several processes start against one PostgreSQL. */
const MIGRATION_LOCK = 72_616_001;

export interface OpenOptions {
  /** postgres://… ; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** In-memory PGlite loaded from a dump (tests). */
  pgliteDump?: Blob;
  /** Skip migrations (the database is known to be migrated). */
  migrate?: boolean;
  onProgress?: (message: string) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts);
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const progress = opts.onProgress ?? (() => undefined);
  let client: PGlite;
  let release = () => {};
  let fresh = true;
  if (opts.pgliteDump) {
    client = new PGlite({ loadDataDir: opts.pgliteDump });
  } else if (opts.dataDir) {
    const dir = resolve(opts.dataDir);
    release = lockDataDir(dir);
    const pgdata = join(dir, 'pgdata');
    fresh = !existsSync(join(pgdata, 'PG_VERSION'));
    if (fresh) progress(`Creating the embedded database in ${dir} (first start only, a few seconds)…`);
    mkdirSync(pgdata, { recursive: true });
    client = new PGlite(pgdata);
  } else {
    client = new PGlite();
  }
  try {
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    if (opts.migrate !== false) {
      if (fresh) progress('Applying database migrations…');
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
    }
    return {
      db,
      kind: 'pglite',
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    await client.close().catch(() => undefined);
    release();
    throw err;
  }
}

/** The PostgreSQL driver, loaded only when a URL is configured (PGlite runs never need it). */
async function postgresDriver() {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  return { pg, drizzle, migrate };
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  if (opts.migrate !== false) await migratePostgres(url);
  const { pg, drizzle: drizzlePg } = await postgresDriver();
  // drizzle passes its own type parsers with each query; these are for our raw ones (queryRowsPrepared).
  const getTypeParser = (oid: number, format?: 'text' | 'binary') =>
    TEXT_TYPE_OIDS.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format);
  const pool = new pg.Pool({ connectionString: url, max: 10, types: { getTypeParser } as CustomTypesConfig });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => pool.end() };
}

/** Applies pending migrations under an advisory lock, on one dedicated connection. */
export async function migratePostgres(url: string): Promise<void> {
  const { pg, drizzle: drizzlePg, migrate: migratePg } = await postgresDriver();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

interface PgPoolLike {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  totalCount: number;
}

type Dialect = { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };

/**
 * queryRows for the statements every message runs, as named prepared statements: parsed once, then
 * only bound and executed. On a PostgreSQL server (one per distinct text, prepared once per pooled
 * connection) the server stops planning them each time, about 0.8 ms of a call log; on PGlite each
 * run becomes one call into WebAssembly instead of five (db/pglite-prepared.ts). Inside a
 * transaction it is plain queryRows. Only for statements whose result columns are JSON or plain
 * scalars: drizzle's own type parsing is bypassed.
 */
export async function queryRowsPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  const isPglite = client instanceof PGlite;
  const isPool = !isPglite && typeof (client as Partial<PgPoolLike> | undefined)?.query === 'function' && typeof (client as Partial<PgPoolLike>).totalCount === 'number';
  if (!isPglite && !isPool) return queryRows<T>(db, query);
  const { sql: text, params } = (db as unknown as { dialect: Dialect }).dialect.sqlToQuery(query);
  if (isPglite) return (await pgliteQueryPrepared<T>(client, text, params)) ?? queryRows<T>(db, query);
  const result = await (client as PgPoolLike).query({ name: `s${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values: params });
  return result.rows as T[];
}
