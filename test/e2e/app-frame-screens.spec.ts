import { mkdirSync } from 'node:fs';
import { call, test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

/**
 * Every view of the app frame at 1024×700 and 1440×900, light and dark: axe clean, nothing
 * cut off sideways, and a screenshot of each (in test-results/screens, to be looked at).
 */
const SHOTS = 'test-results/screens';
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;
const VIEWS = ['Reader', 'Positions', 'Networks', 'Codebook', 'Briefs', 'Agreement', 'Trash'] as const;

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every view at ${size.width}×${size.height}, ${theme}: axe clean, not clipped, screenshot taken`, async ({ app, page }) => {
      test.setTimeout(180_000);
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize(size);
      // The system setting decides the theme until the analyst picks one.
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(app.url);
      const notebook = new NotebookPage(page);
      await notebook.waitForArticle();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // A brief with a long title, so the Briefs view shows an open one.
      await call(page, app, 'createBrief', { title: 'Weekly readout: US–China talks in Beijing, military contact and AI' });
      // Something in the trash, so the Trash view shows a list.
      await page
        .getByTestId('claim-card')
        .first()
        .getByRole('button', { name: /delete/i })
        .click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete claim' }).click();
      await expect(notebook.claimCards).toHaveCount(9);

      const nav = page.getByRole('navigation', { name: 'Views' });
      for (const view of VIEWS) {
        await nav.getByRole('button', { name: new RegExp(`^${view}`) }).click();
        await expect(nav.getByRole('button', { name: new RegExp(`^${view}`) })).toHaveAttribute('aria-current', 'page');
        if (view === 'Reader') await notebook.waitForArticle();
        if (view === 'Trash') await expect(page.getByTestId('trash-item')).toHaveCount(1);
        // Nothing wider than the window: no pane pushed out of reach.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${view} overflows sideways`).toBeLessThanOrEqual(0);
        // Every control of the app bar is on screen, in one row.
        const bar = await page.getByRole('banner').evaluate((el) => {
          const rights = [...el.querySelectorAll('button, input')]
            .filter((b) => (b as HTMLElement).offsetParent)
            .map((b) => b.getBoundingClientRect());
          return { right: Math.max(...rights.map((r) => r.right)), height: el.getBoundingClientRect().height };
        });
        expect(bar.right, `${view}: app bar cut off`).toBeLessThanOrEqual(size.width);
        expect(bar.height, `${view}: app bar wraps`).toBeLessThan(50);
        await page.screenshot({ path: `${SHOTS}/${view.toLowerCase()}-${size.width}x${size.height}-${theme}.png` });
        expect(await seriousViolations(page), `${view} ${theme}`).toEqual([]);
      }

      // The dialogs over the reader: the claim editor and a delete that names a citing brief.
      await nav.getByRole('button', { name: /^Reader/ }).click();
      await notebook.card('Taiwan independence is the biggest risk').getByRole('button', { name: 'Edit claim' }).click();
      await expect(notebook.claimEditor).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/claim-editor-${size.width}x${size.height}-${theme}.png` });
      expect(await seriousViolations(page), `claim editor ${theme}`).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(notebook.claimEditor).toBeHidden();
      if (size.width <= 1280) await page.getByRole('banner').getByRole('button', { name: 'Library', exact: true }).click();
      await notebook.library.getByRole('button', { name: /^Delete “/ }).click();
      await expect(page.getByRole('alertdialog', { name: 'Delete this article?' })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/delete-article-${size.width}x${size.height}-${theme}.png` });
      expect(await seriousViolations(page), `delete article ${theme}`).toEqual([]);
    });
  }
}

// The README's screenshot (docs/screenshot.png), taken on purpose: UPDATE_README_SCREENSHOT=1.
test('README screenshot', async ({ app, page }) => {
  void app;
  test.skip(!process.env.UPDATE_README_SCREENSHOT, 'set UPDATE_README_SCREENSHOT=1 to retake docs/screenshot.png');
  await page.setViewportSize({ width: 1440, height: 900 });
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.getByTestId('welcome').getByRole('button', { name: 'Got it' }).click();
  await notebook.card('Both sides agreed to maintain high-level exchanges').click();
  // The headline and the first claims in view.
  await page.locator('.reader-scroll').evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'docs/screenshot.png' });
});
