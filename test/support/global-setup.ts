/**
 * Migrates the databases once per run; each test then gets a fresh copy in well under a second:
 * - PGlite: an in-memory database migrated once, dumped to a tarball that tests load;
 *   plus a migrated data folder on disk that process tests copy.
 * - PostgreSQL (when DATABASE_URL is set): a migrated template database that tests clone
 *   with CREATE DATABASE … TEMPLATE.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePostgres, openDatabase } from '../../db/connect.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    pgliteDataDir: string;
    postgresTemplate: string | null;
  }
}

export function databaseUrlWith(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'salesbot-test-'));

  const memory = await openDatabase({});
  const dump = await ((memory.db as unknown as { $client: PGlite }).$client).dumpDataDir('none');
  await memory.close();
  const dumpPath = join(dir, 'pglite.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));

  const dataDir = join(dir, 'data');
  await (await openDatabase({ dataDir })).close();

  let template: string | null = null;
  const url = process.env.DATABASE_URL;
  if (url) {
    template = `salesbot_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    await migratePostgres(databaseUrlWith(url, template));
  }

  project.provide('pgliteDumpPath', dumpPath);
  project.provide('pgliteDataDir', dataDir);
  project.provide('postgresTemplate', template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [template, `salesbot_t_${process.pid}_%`],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    }
  };
}
