/**
 * A throwaway PostgreSQL database for a benchmark: dropped and created anew under `name` on the
 * server of DATABASE_URL, then migrated.
 */
import pg from 'pg';
import { openDatabase, type Database } from '../db/connect.ts';

export async function scratchPostgres(url: string, name: string): Promise<{ database: Database; url: string }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { database: await openDatabase({ databaseUrl: u.toString() }), url: u.toString() };
}
