import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema; it never connects.
// The same migration folder is applied to PGlite and to PostgreSQL at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
