import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Store tests fork children and touch the disk; two workers suit these 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
  },
});
