import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeDataDir, seriousViolations, startApp } from './fixtures';

test('a notebook repaired at open says so in a persistent banner naming the quarantine folder', async ({ page }) => {
  const dataDir = makeDataDir();
  try {
    // First start makes the sample notebook and its daily backup; then the codebook is damaged.
    const first = await startApp(dataDir);
    await first.stop();
    expect(readdirSync(path.join(dataDir, 'backups')).length).toBeGreaterThan(0);
    // Replaced (as damage from outside the app would), not edited in place: backups hard-link it.
    writeFileSync(path.join(dataDir, 'codebook.json.new'), '{"schemaVersion":1,"codebook":{"act');
    renameSync(path.join(dataDir, 'codebook.json.new'), path.join(dataDir, 'codebook.json'));

    const app = await startApp(dataDir);
    try {
      await page.goto(app.url);
      const banner = page.getByRole('region', { name: 'Notebook recovery' });
      await expect(banner).toContainText('Stancebook repaired this notebook: 1 file could not be read');
      await expect(banner).toContainText(path.join(dataDir, 'quarantine'));
      await banner.getByText('What was recovered').click();
      await expect(banner).toContainText(/The codebook was rolled back to backup/);
      // The rest of the notebook is there as before, and the codebook came back whole (names, not ids).
      await expect(page.getByText('10 claims in text order')).toBeVisible();
      await expect(page.getByText('actor-united-states')).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath('recovery-banner.png') });
      expect(await seriousViolations(page)).toEqual([]);
      // It stays until hidden.
      await page.getByRole('button', { name: 'Hide' }).click();
      await expect(banner).toHaveCount(0);
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
