import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite does not resolve chrono-node's "./*" subpath export (Node does): point it at the file.
    alias: { 'chrono-node/en': fileURLToPath(new URL('./node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // A safety net against hangs, not a speed check: a test that spawns the CLI four times takes
    // 15–30 s when three workers share two busy cores.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Each worker holds PGlite instances (WASM heaps): forks keep memory per file and release it.
    pool: 'forks',
    // Much of the suite waits on I/O (spawned CLIs, stand-in servers, PostgreSQL): on the 2-core
    // machines one more worker than cores cut the run from ~270 s to ~220 s.
    maxWorkers: 3,
    minWorkers: 1,
  },
});
