/**
 * Lean INSERT and UPDATE statements for the hot path (logging a call). drizzle's query builders
 * walk every column of the table for each statement, about half a millisecond for the five
 * statements of a call log; these name only the columns given, each value still encoded by its
 * column (timestamps, jsonb, arrays) exactly as drizzle would.
 */
import { type Column, getTableColumns, getTableName, is, Param, SQL, sql, type Table } from 'drizzle-orm';

type Values<T extends Table> = { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] | SQL };

function entries<T extends Table>(table: T, values: Values<T>): Array<[Column, SQL | Param]> {
  const cols: Record<string, Column> = getTableColumns(table);
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => {
      const column = cols[key];
      if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
      return [column, is(v, SQL) ? v : new Param(v, column)];
    });
}

const name = (c: Column) => sql.identifier(c.name);

/** `insert into table (given columns) values (…) returning *` */
export function insertRow<T extends Table>(table: T, values: Values<T>): SQL {
  const pairs = entries(table, values);
  return sql`insert into ${sql.identifier(getTableName(table))} (${sql.join(pairs.map(([c]) => name(c)), sql`, `)})
    values (${sql.join(pairs.map(([, v]) => v), sql`, `)}) returning *`;
}

/** `update table set (given columns) where id = … returning *` */
export function updateRow<T extends Table>(table: T, id: number, values: Values<T>): SQL {
  const pairs = entries(table, values);
  return sql`update ${sql.identifier(getTableName(table))} set ${sql.join(pairs.map(([c, v]) => sql`${name(c)} = ${v}`), sql`, `)}
    where id = ${id} returning *`;
}
