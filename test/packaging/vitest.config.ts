import { defineConfig } from 'vitest/config';

/** The packaging test: slow (electron-builder copies every production dependency), run as its own step. */
export default defineConfig({
  test: {
    include: ['test/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
