import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDefaultCodebook, sourceResourcesDir } from '../../electron/core/bootstrap';
import { openNotebook } from '../../electron/core/store';
import { fillNotebookWithSmallArticles } from '../unit/core/articles/fill-notebook';
import { expect, makeDataDir, seriousViolations, startApp, test, type RunningApp } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

/** Articles in the generated notebook: enough for 15 pages of 200. */
const COUNT = 3000;

/*
 * The library of a notebook of a few thousand articles, as the core pages it: the app opens
 * without asking for every summary, scrolling to the end fetches only the pages looked at, an
 * article far down opens, and filters are answered by the core.
 */
let dataDir: string;
let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = makeDataDir();
  const store = await openNotebook(dataDir, { create: true, name: 'paging' });
  await store.putCodebook(await loadDefaultCodebook(sourceResourcesDir()));
  await store.close();
  await fillNotebookWithSmallArticles(dataDir, COUNT);
  app = await startApp(dataDir);
});

test.afterAll(async () => {
  await app?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a library of 3,000 articles: first page only, scroll to the end, open the last, filter', async ({ page }) => {
  test.setTimeout(120_000);
  const asked: { method: string; offset?: number }[] = [];
  page.on('request', (request) => {
    const method = /\/api\/(\w+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (method) asked.push({ method, offset: (request.postDataJSON() as { offset?: number } | null)?.offset });
  });
  await page.goto(app.url);
  const notebook = new NotebookPage(page);
  const list = notebook.library.getByRole('list', { name: 'Articles' });
  const first = list.getByRole('listitem').first();
  await expect(first.getByTestId('library-row')).toBeVisible({ timeout: 60_000 });
  // Screen readers hear the whole list's size and each row's place, though few rows are drawn.
  await expect(first).toHaveAttribute('aria-setsize', String(COUNT));
  await expect(first).toHaveAttribute('aria-posinset', '1');
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
  await expect(notebook.reader.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
  expect(asked.filter((a) => a.method === 'listArticles')).toEqual([]);
  // The first-run question about the coder sits over the foot of the library: answered later.
  await page.getByRole('region', { name: 'Who is coding?' }).getByRole('button', { name: 'Later' }).click();

  // From the keyboard: End goes to the last row once its page is there, Home back to the first.
  await first.getByTestId('library-row').focus();
  await page.keyboard.press('End');
  await expect(list.locator(`li[aria-posinset="${COUNT}"]`).getByTestId('library-row')).toBeFocused({ timeout: 30_000 });
  await page.keyboard.press('Home');
  await expect(list.locator('li[aria-posinset="1"]').getByTestId('library-row')).toBeFocused({ timeout: 30_000 });
  await page.keyboard.press('PageDown');
  await expect(page.locator(':focus')).toHaveAttribute('data-testid', 'library-row');
  // The focus moves once the list has drawn the rows a screenful down: wait for it, not a fixed moment.
  await expect.poll(async () => Number(await page.locator('li:has(:focus)').getAttribute('aria-posinset')), { timeout: 30_000 }).toBeGreaterThan(5);

  // Straight to the end: the last page is fetched, not the thirteen between.
  await page.locator('.library-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = list.locator(`li[aria-posinset="${COUNT}"]`);
  await expect(last.getByTestId('library-row')).toBeVisible({ timeout: 30_000 });
  const offsets = new Set(asked.filter((a) => a.method === 'queryLibrary').map((a) => a.offset));
  expect(offsets.has(2800)).toBe(true);
  expect(offsets.has(1400)).toBe(false);
  expect(offsets.size).toBeLessThanOrEqual(4);

  // The oldest added article (the default order is newest added first) opens in the reader.
  const title = (await last.locator('.library-row__title').textContent())!;
  expect(title).toMatch(/ 0$/);
  await last.getByTestId('library-row').click();
  await expect(notebook.reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(last.getByTestId('library-row')).toHaveAttribute('aria-current', 'page');

  // Filters still work: the core answers them, the count and every row drawn agree.
  await notebook.library.getByRole('button', { name: 'Filters' }).click();
  const source = notebook.library.getByRole('combobox', { name: 'Source' });
  const option = source.locator('option').nth(1);
  const name = await option.getAttribute('value');
  const count = /\((\d+)\)/.exec((await option.textContent()) ?? '')?.[1];
  expect([name, count], `the first source offered: ${await option.textContent()}`).toEqual([expect.any(String), expect.any(String)]);
  await source.selectOption(name!);
  await expect(notebook.library.getByRole('status')).toHaveText(`${count!} articles match`);
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', count!);
  await expect(list.getByRole('listitem').first().getByTestId('library-row')).toBeVisible();
  for (const meta of await list.locator('.library-row__meta').allTextContents()) expect(meta).toContain(name!);
  await page.screenshot({ path: path.join(os.tmpdir(), 'library-paging-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(os.tmpdir(), 'library-paging-dark.png') });
  expect(await seriousViolations(page)).toEqual([]);
});
