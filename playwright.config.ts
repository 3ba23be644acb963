import { defineConfig } from '@playwright/test';
import { chromiumExecutable, CHROMIUM_ARGS } from './test/e2e/chromium';

// End-to-end tests drive the real renderer in real Chromium against the browser mode
// (`stancebook serve`), one fresh notebook per test. The renderer must be built first
// (`npm run build:renderer`; `npm test` does it).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    // Dates follow the browser's locale (renderer/src/components/format-date.ts); pinned for the assertions.
    locale: 'en-GB',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
