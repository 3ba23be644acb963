import { mkdirSync } from 'node:fs';
import { call, test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.STANCEBOOK_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test('positions: actors by issues with the latest stance, clashes named, a cell opens its claims and the article', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  const view = page.getByTestId('positions-view');
  await expect(view.getByRole('status')).toHaveText('10 claims in 1 article');
  const table = view.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Issue', 'United States', 'China', 'Experts']);

  // The South China Sea: China strongly supports its claims, the United States opposes: a clash.
  const scs = table.getByRole('row', { name: /South China Sea/ });
  await expect(scs.getByRole('rowheader')).toContainText('clash');
  await expect(scs.getByRole('button', { name: 'China on South China Sea: strongly supports; 1 claim' })).toBeVisible();
  await expect(scs.getByRole('button', { name: 'United States on South China Sea: opposes; 1 claim' })).toBeVisible();
  const clashes = view.getByRole('region', { name: 'Where actors clash' });
  await expect(clashes.getByRole('listitem').filter({ hasText: 'South China Sea' })).toHaveText(/China in favour · United States against/);
  const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('positions.csv');
  await expect(page.getByRole('status').filter({ hasText: 'Positions as CSV: saved as positions.csv.' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/positions-1-table.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard: one Tab stop in the table, arrow keys move between cells with claims.
  const first = table.getByRole('button', { name: /^United States on Taiwan/ });
  await expect(first).toHaveAttribute('tabindex', '0');
  // Tab from the last filter control goes straight to the table's one cell in the Tab order.
  await page.getByRole('button', { name: 'Export CSV' }).focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(table.getByRole('button', { name: /^China on Taiwan/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(table.getByRole('button', { name: /^China on South China Sea/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  // Trade has no China cell: Down skips to the next row that has one.
  await expect(table.getByRole('button', { name: /^China on Artificial intelligence/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(table.getByRole('button', { name: /^United States on Artificial intelligence/ })).toBeFocused();
  await expect(table.locator('.position-cell[tabindex="0"]')).toHaveCount(1);

  // A cell opens the claims behind it; the article title opens the claim in the reader.
  await scs.getByRole('button', { name: /^United States on South China Sea/ }).click();
  const detail = page.getByTestId('position-detail');
  await expect(detail.getByRole('heading')).toHaveText('United States on South China Sea');
  await expect(detail.getByRole('listitem')).toHaveCount(1);
  await expect(detail).toContainText('Sullivan expressed concerns');
  await page.screenshot({ path: `${SHOTS}/positions-2-detail.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await detail.getByRole('button', { name: /^US, China agree to expand military contact/ }).click();
  await expect(page.getByRole('main', { name: 'Article' })).toBeVisible();
  await expect(notebook.claimCards.filter({ hasText: 'Sullivan expressed concerns' })).toHaveAttribute('aria-current', 'true');

  // A date range with no articles empties the table and says why.
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  await view.getByLabel('From', { exact: true }).fill('2030-01-01');
  await expect(view.getByText('No claims with an actor in these articles.', { exact: false })).toBeVisible();
  await view.getByRole('button', { name: 'Clear' }).click();
  await expect(view.getByRole('status')).toHaveText('10 claims in 1 article');
});

test('positions over time: a later article shifts a stance; the cell says so and the detail draws the timeline', async ({ app, page }) => {
  const codebook = await call<{ actors: { id: string; name: string }[]; issues: { id: string; name: string }[]; stances: { id: string; label: string }[] }>(page, app, 'getCodebook', {});
  const us = codebook.actors.find((a) => a.name === 'United States')!.id;
  const trade = codebook.issues.find((i) => i.name === 'Trade and economic policy')!.id;
  const stanceId = (label: string) => codebook.stances.find((s) => s.label === label)!.id;
  for (const [date, words, stance] of [
    ['2025-02-10', 'Washington said it was ready to discuss tariffs with Beijing.', 'neutral'],
    ['2025-06-02', 'Washington said it would welcome a new trade framework with Beijing.', 'supports'],
  ] as const) {
    const { articleId } = await call<{ articleId: string }>(page, app, 'importText', { title: `Trade, ${date}`, text: words });
    await call(page, app, 'updateArticleMeta', { id: articleId, patch: { publishedAt: date, source: 'Trade Wire' } });
    await call(page, app, 'createClaim', { articleId, start: 0, end: words.length - 1, coding: { actorIds: [us], issueId: trade, stanceId: stanceId(stance) } });
  }
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  const view = page.getByTestId('positions-view');
  const cell = view.getByRole('button', { name: 'United States on Trade and economic policy: supports, shifted from opposes; 3 claims' });
  await expect(cell).toContainText('was opposes');
  await cell.click();
  const detail = page.getByTestId('position-detail');
  await expect(detail.getByRole('img', { name: /^Stance over time: 21 December 2024 opposes; 10 February 2025 neutral; 2 June 2025 supports$/ })).toBeVisible();
  await expect(detail.locator('.stance-timeline__dot')).toHaveCount(3);
  await expect(detail.getByRole('listitem')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/positions-3-over-time.png` });
  // Only 2025: the position starts from the neutral statement.
  await view.getByLabel('From', { exact: true }).fill('2025-01-01');
  await expect(view.getByRole('button', { name: 'United States on Trade and economic policy: supports, shifted from neutral; 2 claims' })).toBeVisible();
  // One outlet: only its articles' claims; the sample's actors and issues leave the table.
  await view.getByLabel('From', { exact: true }).fill('');
  await view.getByLabel('Source').selectOption('Trade Wire');
  await expect(view.getByRole('status')).toHaveText('2 claims in 2 articles');
  await expect(view.getByRole('button', { name: /^China on / })).toHaveCount(0);
  await expect(view.getByRole('button', { name: 'United States on Trade and economic policy: supports, shifted from neutral; 2 claims' })).toBeVisible();
});
