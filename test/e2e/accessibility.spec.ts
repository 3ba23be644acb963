import { test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

test('the main view has no serious or critical accessibility violations', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(notebook.claimCards).toHaveCount(10);
  await notebook.claimCards.first().click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the claim editor (docked beside the article) has no serious or critical accessibility violations', async ({ app, page }) => {
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
