import { defineConfig } from 'vitest/config';

// Browser tests: the real server on a fresh embedded database, driven through Chromium.
// One fork, one file at a time: each spec starts its own server and browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 400_000,
  },
});
