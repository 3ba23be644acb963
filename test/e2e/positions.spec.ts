import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.STANCEBOOK_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

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
  await page.screenshot({ path: `${SHOTS}/positions-1-table.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // A cell opens the claims behind it; the article title opens the claim in the reader.
  await scs.getByRole('button', { name: /^United States on South China Sea/ }).click();
  const detail = page.getByTestId('position-detail');
  await expect(detail.getByRole('heading')).toHaveText('United States on South China Sea');
  await expect(detail.getByRole('listitem')).toHaveCount(1);
  await expect(detail).toContainText('Sullivan expressed concerns');
  await page.screenshot({ path: `${SHOTS}/positions-2-detail.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await detail.getByRole('button', { name: /^The US and China have agreed/ }).click();
  await expect(page.getByRole('main', { name: 'Article' })).toBeVisible();
  await expect(notebook.claimCards.filter({ hasText: 'Sullivan expressed concerns' })).toHaveAttribute('aria-current', 'true');

  // A date range with no articles empties the table and says why.
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  await view.getByLabel('From', { exact: true }).fill('2030-01-01');
  await expect(view.getByText('No claims with an actor in these articles.', { exact: false })).toBeVisible();
  await view.getByRole('button', { name: 'Clear' }).click();
  await expect(view.getByRole('status')).toHaveText('10 claims in 1 article');
});
