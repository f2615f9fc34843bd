/**
 * queryRowsPrepared: the hot statements run as named prepared statements (pg on a server, our own
 * protocol buffers on PGlite). They must give exactly what a plain query gives, survive failures,
 * stay bounded, and never slip into another caller's open transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, queryRowsPrepared } from '../../db/connect.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.ts';

describe.each(databaseKinds())('prepared statements on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await queryRows(database.db, sql`create table t (id serial primary key, n int unique, at timestamptz, doc jsonb, ok boolean, tags text[])`);
  });
  afterAll(() => database.close());

  const insert = (n: number, at: Date | null = new Date('2026-11-23T02:20:00.123Z')) =>
    sql`insert into t (n, at, doc, ok, tags) values (${n}, ${at}, ${JSON.stringify({ n, name: '张总' })}::jsonb, ${n % 2 === 0}, ${'{a,"b c"}'}) returning *`;

  it('returns what a plain query returns: numbers, JSON, booleans, null, timestamps as text', async () => {
    const [prepared] = await queryRowsPrepared<Record<string, unknown>>(database.db, insert(1));
    const [plain] = await queryRows<Record<string, unknown>>(database.db, sql`select * from t where n = 1`);
    expect(prepared).toEqual(plain);
    expect(prepared).toMatchObject({ n: 1, doc: { n: 1, name: '张总' }, ok: false, tags: ['a', 'b c'] });
    expect(typeof prepared!.at).toBe('string');
    const [empty] = await queryRowsPrepared<Record<string, unknown>>(database.db, insert(2, null));
    expect(empty).toMatchObject({ n: 2, at: null, ok: true });
  });

  it('runs the same text again with new values, and reports an empty result as no rows', async () => {
    const select = (n: number) => sql`select n, doc->>'name' as name from t where n = ${n}`;
    expect(await queryRowsPrepared(database.db, select(1))).toEqual([{ n: 1, name: '张总' }]);
    expect(await queryRowsPrepared(database.db, select(2))).toEqual([{ n: 2, name: '张总' }]);
    expect(await queryRowsPrepared(database.db, select(99))).toEqual([]);
  });

  it('throws the database error of a failed run and keeps working with the same statement', async () => {
    await queryRowsPrepared(database.db, insert(10));
    await expect(queryRowsPrepared(database.db, insert(10))).rejects.toThrow(/duplicate key|unique/i);
    const [row] = await queryRowsPrepared<{ n: number }>(database.db, insert(11));
    expect(row!.n).toBe(11);
    await expect(queryRowsPrepared(database.db, sql`select nope from t where n = ${1}`)).rejects.toThrow(/nope/);
    expect(await queryRowsPrepared(database.db, sql`select count(*)::int as c from t where n >= ${10}`)).toEqual([{ c: 2 }]);
  });

  it('falls back to a plain query for parameters without a text form (objects)', async () => {
    const rows = await queryRowsPrepared<{ name: string }>(database.db, sql`select (${{ name: '李姐' }}::jsonb)->>'name' as name`);
    expect(rows).toEqual([{ name: '李姐' }]);
  });

  it('does not run inside a transaction another caller holds open', async () => {
    let opened!: () => void;
    const txOpen = new Promise<void>((resolve) => (opened = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const rolledBack = database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into t (n) values (100)`);
        opened();
        await gate;
        throw new Error('roll back');
      })
      .catch((err: Error) => err.message);
    await txOpen;
    const outside = queryRowsPrepared(database.db, insert(101));
    release();
    expect(await rolledBack).toBe('roll back');
    await outside;
    const rows = await queryRows<{ n: number }>(database.db, sql`select n from t where n in (100, 101) order by n`);
    expect(rows.map((r) => r.n)).toEqual([101]);
  });

  if (kind === 'pglite') {
    const preparedCount = async () =>
      (await queryRows<{ c: number }>(database.db, sql`select count(*)::int as c from pg_prepared_statements where name like 'salesbot_%'`))[0]!.c;

    it('parses a statement once and reuses it', async () => {
      const before = await preparedCount();
      for (let i = 0; i < 3; i++) await queryRowsPrepared(database.db, sql`select ${i}::int + 1000 as v`);
      expect(await preparedCount()).toBe(before + 1);
    });

    it('keeps at most 100 statements prepared, closing the least recently used', async () => {
      const hot = sql.raw('select 4242 as hot');
      await queryRowsPrepared(database.db, hot);
      for (let i = 0; i < 120; i++) {
        await queryRowsPrepared(database.db, sql.raw(`select ${i} as v`));
        if (i % 20 === 0) await queryRowsPrepared(database.db, hot); // used all along: never evicted
      }
      expect(await preparedCount()).toBe(100);
      const kept = await queryRows<{ c: number }>(database.db, sql`select count(*)::int as c from pg_prepared_statements where statement = 'select 4242 as hot'`);
      expect(kept[0]!.c).toBe(1);
      expect(await queryRowsPrepared(database.db, sql.raw('select 0 as v'))).toEqual([{ v: 0 }]);
    });
  }
});

describe('prepared statements on a closed PGlite', () => {
  it('refuse with PGlite’s own error rather than crashing', async () => {
    const database = await openTestDatabase('pglite');
    await database.close();
    await expect(queryRowsPrepared(database.db, sql`select ${1}::int as v`)).rejects.toThrow(/closed/i);
  });
});
