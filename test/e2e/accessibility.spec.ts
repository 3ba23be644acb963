import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
}

test('the main view has no serious or critical accessibility violations', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(notebook.claimCards).toHaveCount(10);
  await notebook.claimCards.first().click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the claim editor dialog has no serious or critical accessibility violations', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await notebook.card('Taiwan independence is the biggest risk').getByRole('button', { name: 'Edit claim' }).click();
  await expect(notebook.claimEditor).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the new-article dialog and the shortcuts overlay have no serious or critical violations', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'New article' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
