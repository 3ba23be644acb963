import AxeBuilder from '@axe-core/playwright';
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
  await dialog
    .getByLabel('Article text')
    .fill('Fisheries review agreed\n\nThe European Union and the United Kingdom agreed to review mackerel quotas.');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  await notebook.library.getByTestId('library-row').filter({ hasText: 'US, China agree' }).click();

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

test('"More results" loads the next page; filters narrow the hits and clear again', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  // Two pages' worth of articles that all mention mackerel.
  await page.evaluate(async () => {
    const api = (window as unknown as { stancebook: { importText(r: { text: string; title: string }): Promise<unknown> } }).stancebook;
    for (let i = 1; i <= 40; i++) {
      await api.importText({ title: `Mackerel quota note ${i}`, text: `Fisheries ministers discussed mackerel quotas again, round ${i}.` });
    }
  });
  const box = page.getByRole('combobox', { name: 'Search the notebook' });
  await box.fill('mackerel');
  const hits = page.getByTestId('search-hit');
  await expect(page.getByTestId('search-count')).toHaveText('40 results');
  await expect(hits).toHaveCount(30);
  const more = page.getByTestId('search-more');
  await expect(more).toHaveText('More results (30 shown)');
  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/search-more.png' });
  // Keyboard: down to the last item and Enter, as for a hit.
  await box.press('End');
  await box.press('ArrowUp');
  while (!(await more.getAttribute('data-focused'))) await box.press('ArrowDown');
  await box.press('Enter');
  await expect(hits).toHaveCount(40);
  await expect(more).toBeHidden();
  await expect(box).toHaveValue('mackerel');

  // Filters: claims only, then one actor's claims.
  const { claims } = await page.evaluate(async () => {
    const api = (
      window as unknown as {
        stancebook: {
          listArticles(r: object): Promise<{ id: string; title: string }[]>;
          getArticle(r: { id: string }): Promise<{ claims: { actorIds: string[] }[] }>;
        };
      }
    ).stancebook;
    const sample = (await api.listArticles({})).find((a) => a.title.startsWith('US, China agree'))!;
    return api.getArticle({ id: sample.id });
  });
  const actorId = claims.find((c) => c.actorIds.length > 0)!.actorIds[0]!;
  await box.fill('china');
  await expect(page.getByTestId('search-count')).not.toHaveText('40 results');
  const allCount = await page.getByTestId('search-count').textContent();
  // Tab leaves the results for the Filters button next to the field.
  await box.press('Tab');
  await expect(page.getByRole('button', { name: 'Search filters', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Search filters' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('Articles').uncheck();
  await panel.getByLabel('Briefs').uncheck();
  await panel.getByLabel('Actor').selectOption(actorId);
  await expect(page.getByRole('button', { name: 'Search filters, 2 on' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/search-filters.png' });
  const axe = await new AxeBuilder({ page }).include('[data-testid="search-filters"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.keyboard.press('Shift+Tab');
  await expect(box).toBeFocused();
  await box.press('ArrowDown');
  await expect(page.getByTestId('search-count')).toHaveText(/ results? \(filtered\)$/);
  const kinds = await hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['claim']));
  await page.screenshot({ path: '/tmp/shots/search-filtered.png' });

  // A source nothing comes from: nothing matches; clearing brings every hit back.
  const filtersButton = page.getByTestId('search-filters-button');
  await expect(filtersButton).toHaveAttribute('aria-label', 'Search filters, 2 on');
  await filtersButton.click();
  await panel.getByLabel('Source').fill('Nowhere Gazette');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  await box.press('ArrowDown');
  await expect(page.getByTestId('search-note')).toHaveText('Nothing matches.');
  await expect(filtersButton).toHaveAttribute('aria-label', 'Search filters, 3 on');
  await filtersButton.click();
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Search filters', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await box.press('ArrowDown');
  await expect(page.getByTestId('search-count')).toHaveText(allCount ?? '');
});
