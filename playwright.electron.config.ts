import { defineConfig } from '@playwright/test';

// The Electron suite: the real window and preload, through Playwright's _electron. It needs
// Electron's binary; where there is none, every test reports itself skipped with the reason.
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results/electron',
});
