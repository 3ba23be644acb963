import { test, expect } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

test('search a phrase: the claim is found with its words marked, and Enter opens and selects it', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const box = page.getByRole('combobox', { name: 'Search the notebook' });
  await box.fill('"Taiwan independence"');

  const results = page.getByRole('listbox', { name: 'Search results' });
  const claimHit = results.getByTestId('search-hit').filter({ hasText: 'Taiwan independence is the biggest risk' }).first();
  await expect(claimHit).toBeVisible();
  await expect(claimHit).toHaveAttribute('data-kind', 'claim');
  await expect(results.getByRole('presentation').filter({ hasText: 'Claims' }).first()).toBeVisible();
  await expect(claimHit.locator('mark').first()).toHaveText(/Taiwan independence/i);
  await page.screenshot({ path: '/tmp/shots/search-results.png' });

  await box.press('ArrowDown');
  while (!(await claimHit.getAttribute('data-focused'))) await box.press('ArrowDown');
  await box.press('Enter');
  await expect(results).toBeHidden();
  const selected = notebook.claimCards.filter({ hasText: 'Taiwan independence is the biggest risk' });
  await expect(selected).toHaveAttribute('aria-current', /true/);
  await page.screenshot({ path: '/tmp/shots/search-opened.png' });

  // Escape clears the field.
  await box.focus();
  await box.press('Escape');
  await box.press('Escape');
  await expect(box).toHaveValue('');
});

test('search finds an imported article and a click opens it; no match says so', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Article text').fill('Fisheries review agreed\n\nThe European Union and the United Kingdom agreed to review mackerel quotas.');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  await notebook.library.getByTestId('library-row').filter({ hasText: 'The US and China' }).click();

  const box = page.getByRole('combobox', { name: 'Search the notebook' });
  await box.fill('mackerel');
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Fisheries review agreed' });
  await expect(hit).toHaveAttribute('data-kind', 'article');
  await hit.click();
  await expect(notebook.reader.getByRole('heading', { level: 1 })).toHaveText('Fisheries review agreed');

  await box.fill('zzyzx quokka');
  await expect(page.getByTestId('search-note')).toHaveText('Nothing matches.');
});

test('Ctrl+K goes to the notebook search', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await notebook.articleBody.click();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search the notebook' })).toBeFocused();
});
