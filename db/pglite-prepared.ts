/**
 * Named prepared statements on embedded PGlite, for the statements every message runs.
 *
 * PGlite's own query() sends parse, describe, bind, describe and execute as five separate calls
 * into WebAssembly and re-parses the SQL each time. Here a statement is parsed once (named, like
 * pg does on a server) and every later run is one call: bind, describe, execute and sync in a single
 * protocol buffer. Results are decoded as drizzle decodes PGlite's (dates and intervals stay text).
 */
import { type PGlite, protocol, types } from '@electric-sql/pglite';
import { TEXT_TYPE_OIDS } from './text-types.ts';

const { serialize } = protocol;

/** Statements kept prepared per database; the least recently used is closed beyond this. */
const MAX_STATEMENTS = 100;

interface Statements {
  byText: Map<string, string>;
  next: number;
  /** PGlite's parsers with drizzle's text overrides, merged once (PGlite has hundreds). */
  parsers: Record<number, (value: string, typeId?: number) => unknown>;
}

const prepared = new WeakMap<PGlite, Statements>();

const keepText = Object.fromEntries([...TEXT_TYPE_OIDS].map((oid) => [oid, (value: string) => value]));

/** A parameter in PostgreSQL's text format (dates as ISO, as PGlite's own serializer); undefined when not supported here. */
function toText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

type Message = { name: string } & Record<string, unknown>;

function rowsFrom<T>(parsers: Statements['parsers'], messages: Message[]): T[] {
  let fields: Array<{ name: string; dataTypeID: number }> = [];
  const rows: T[] = [];
  for (const message of messages) {
    if (message.name === 'rowDescription') fields = message.fields as typeof fields;
    else if (message.name === 'dataRow') {
      const values = message.fields as Array<string | null>;
      const row: Record<string, unknown> = {};
      fields.forEach((field, i) => {
        row[field.name] = types.parseType(values[i] ?? null, field.dataTypeID, parsers);
      });
      rows.push(row as T);
    }
  }
  return rows;
}

/**
 * Runs `text` with `params` as a named prepared statement. Returns undefined (nothing run) when a
 * parameter has no text form here (arrays, objects): the caller then uses a plain query.
 */
export async function pgliteQueryPrepared<T>(client: PGlite, text: string, params: unknown[]): Promise<T[] | undefined> {
  const values = params.map(toText);
  if (values.some((v) => v === undefined)) return undefined;
  // As PGlite's query(): refuse when closed, wait for any open transaction, hold the query lock.
  await client._checkReady();
  return client._runExclusiveTransaction(() =>
    client._runExclusiveQuery(async () => {
      let statements = prepared.get(client);
      if (!statements) prepared.set(client, (statements = { byText: new Map(), next: 1, parsers: { ...client.parsers, ...keepText } }));
      const parts: Uint8Array[] = [];
      let name = statements.byText.get(text);
      const parse = !name;
      if (name) {
        // Least recently used goes first: a hit moves to the end of the map's order.
        statements.byText.delete(text);
        statements.byText.set(text, name);
      }
      if (!name) {
        if (statements.byText.size >= MAX_STATEMENTS) {
          const [oldText, oldName] = statements.byText.entries().next().value!;
          statements.byText.delete(oldText);
          parts.push(serialize.close({ type: 'S', name: oldName }));
        }
        name = `salesbot_${statements.next++}`;
        parts.push(serialize.parse({ name, text }));
      }
      parts.push(
        serialize.bind({ statement: name, values: values as Array<string | null> }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      );
      const { messages } = await client.execProtocol(Buffer.concat(parts), { throwOnError: false });
      const list = messages as unknown as Message[];
      const error = list.find((m) => m.name === 'error');
      // A statement that parsed stays prepared even when its execution failed.
      if (parse && list.some((m) => m.name === 'parseComplete')) statements.byText.set(text, name);
      if (error) throw error;
      return rowsFrom<T>(statements.parsers, list);
    }),
  );
}
