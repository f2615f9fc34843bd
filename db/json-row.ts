/**
 * A row that came back as JSON (`row_to_json`, snake_case keys, timestamps as strings), turned into
 * the record drizzle itself would have returned: statements that write several tables at once
 * return their rows this way.
 */
import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    // Each column type's own decoder: timestamps become Dates, numerics numbers, arrays arrays.
    row[key] = value == null ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}
