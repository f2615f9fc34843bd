/**
 * Column types drizzle hands back as the database's text rather than parsing: timestamps, dates,
 * intervals, and arrays of them and of numeric. Our raw statements (queryRowsPrepared) decode the
 * same way on both drivers, so their rows match what drizzle's own queries return.
 */
export const TEXT_TYPE_OIDS: ReadonlySet<number> = new Set([
  1114, // timestamp
  1184, // timestamptz
  1082, // date
  1186, // interval
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
]);
