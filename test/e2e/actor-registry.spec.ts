import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { call, test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.STANCEBOOK_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

function registryRow(page: Page, name: string) {
  return page
    .getByTestId('actor-list')
    .getByRole('row')
    .filter({ has: page.locator('.codebook-row__name', { hasText: new RegExp(`^${name}$`) }) });
}

test('actor registry: set attributes and a parent in the codebook, sort and filter the table, roll up and filter by kind in networks and positions', async ({
  app,
  page,
}) => {
  // A minister of China who takes China's side on a sample proposition, in an article of his own.
  const codebook = await call<{
    actors: { id: string; name: string }[];
    issues: { id: string; name: string }[];
    stances: { id: string; label: string }[];
  }>(page, app, 'getCodebook', {});
  const scs = codebook.issues.find((i) => i.name === 'South China Sea')!.id;
  const supports = codebook.stances.find((s) => s.label === 'strongly supports')!.id;
  const minister = await call<{ id: string }>(page, app, 'createActor', { name: 'Foreign Minister' });
  const words = 'The foreign minister said the islands have always belonged to China.';
  const { articleId } = await call<{ articleId: string }>(page, app, 'importText', { title: 'Minister on the islands', text: words });
  await call(page, app, 'updateArticleMeta', { id: articleId, patch: { publishedAt: '2024-12-22' } });
  const map = await call<{ clashes: { issueId: string | null; proposition: string }[] }>(page, app, 'getPositions', {});
  const proposition = map.clashes.find((c) => c.issueId === scs)!.proposition;
  await call(page, app, 'createClaim', {
    articleId,
    start: 0,
    end: words.length - 1,
    coding: { actorIds: [minister.id], issueId: scs, proposition, stanceId: supports },
  });

  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await page.getByRole('tab', { name: /^Actors/ }).click();

  // Set China's kind and country, and the minister's kind and parent, in the editor.
  await registryRow(page, 'China').getByRole('button', { name: 'Edit actor China' }).click();
  let editor = page.getByRole('dialog', { name: 'Edit actor “China”' });
  await editor.getByRole('combobox', { name: 'Kind' }).selectOption('government');
  await editor.getByRole('combobox', { name: 'Country' }).fill('China');
  await editor.getByRole('textbox', { name: /^Wikidata id/ }).fill('q148');
  await expect(editor.getByRole('link', { name: 'Q148 on wikidata.org' })).toHaveAttribute('href', 'https://www.wikidata.org/wiki/Q148');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toBeHidden();

  await registryRow(page, 'Foreign Minister').getByRole('button', { name: 'Edit actor Foreign Minister' }).click();
  editor = page.getByRole('dialog', { name: 'Edit actor “Foreign Minister”' });
  await editor.getByRole('combobox', { name: 'Kind' }).selectOption('person');
  await editor.getByRole('combobox', { name: /^Parent actor/ }).selectOption({ label: 'China' });
  await editor.getByRole('combobox', { name: 'Country' }).fill('China');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toBeHidden();

  // The table shows the parent by name and the Wikidata link; a wrong parent (a cycle) is refused with a clear message.
  await expect(registryRow(page, 'Foreign Minister')).toContainText('Person');
  await expect(registryRow(page, 'Foreign Minister').getByRole('gridcell').nth(3)).toHaveText('China');
  await expect(registryRow(page, 'China').getByRole('link', { name: 'Q148' })).toBeVisible();
  await registryRow(page, 'China').getByRole('button', { name: 'Edit actor China' }).click();
  editor = page.getByRole('dialog', { name: 'Edit actor “China”' });
  // The minister belongs to China, so he is not offered as China's parent.
  await expect(editor.getByRole('combobox', { name: /^Parent actor/ }).locator('option', { hasText: 'Foreign Minister' })).toHaveCount(0);
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // Sort by kind (governments before persons, unset last), filter by kind and by words.
  const table = page.getByTestId('actor-list');
  await table.getByRole('columnheader', { name: /^Kind/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('China');
  await expect(table.getByRole('row').nth(2)).toContainText('Foreign Minister');
  const tools = page.getByRole('group', { name: 'Filter and exchange the registry' });
  await tools.getByRole('combobox', { name: 'Kind' }).selectOption('person');
  await expect(table.getByRole('row')).toHaveCount(2);
  await tools.getByRole('combobox', { name: 'Kind' }).selectOption('');
  await tools.getByRole('searchbox', { name: 'Filter actors' }).fill('manila');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Philippines');
  await tools.getByRole('searchbox', { name: 'Filter actors' }).fill('');
  // Keyboard: arrow keys move between cells of the grid.
  await table.getByRole('row').nth(1).getByRole('gridcell', { name: 'Government or state' }).click();
  await page.keyboard.press('ArrowDown');
  await expect(table.getByRole('row').nth(2).getByRole('gridcell', { name: 'Person' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(table.getByRole('row').nth(2).getByRole('gridcell', { name: 'China' }).first()).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/registry-1-table-light.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // Networks: as coded, the minister agrees with China; rolled up to the top, he is China (no self-edge).
  await page.getByRole('button', { name: 'Networks', exact: true }).click();
  const view = page.getByTestId('networks-view');
  const connections = view.locator('section[aria-labelledby="networks-edges-title"]');
  await expect(connections.getByRole('button', { name: /Foreign Minister — China|China — Foreign Minister/ })).toBeVisible();
  await view.getByRole('combobox', { name: 'Actors' }).selectOption('top');
  await expect(connections.getByRole('button', { name: /Foreign Minister/ })).toHaveCount(0);
  await expect(connections.getByRole('button', { name: /United States — China|China — United States/ })).toBeVisible();
  // Only governments: China alone has that kind, so no pair meets.
  await view.getByRole('combobox', { name: 'Kind' }).selectOption('government');
  await expect(view.getByText(/No two actors meet on a proposition/)).toBeVisible();
  await view.getByRole('combobox', { name: 'Kind' }).selectOption('');
  await view.getByRole('combobox', { name: 'Actors' }).selectOption('none');
  await view.getByRole('combobox', { name: 'Colour' }).selectOption('kind');
  await expect(view.getByTestId('kind-legend')).toContainText('Government or state: 1');
  await expect(view.getByTestId('kind-legend')).toContainText('Person: 1');
  await page.screenshot({ path: `${SHOTS}/registry-2-networks-by-kind-light.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // Positions: only persons shows the minister alone; rolled up, his claim is China's.
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  const filters = page.getByRole('group', { name: 'Which articles and actors' });
  await filters.getByRole('combobox', { name: 'Kind' }).selectOption('person');
  await expect(page.getByRole('columnheader', { name: 'Foreign Minister' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'China' })).toHaveCount(0);
  await filters.getByRole('combobox', { name: 'Kind' }).selectOption('');
  await filters.getByRole('combobox', { name: 'Actors' }).selectOption('top');
  await expect(page.getByRole('columnheader', { name: 'China' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Foreign Minister' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/registry-3-positions-rolled-up-light.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // Dark: the same views.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Networks', exact: true }).click();
  await expect(view.getByTestId('kind-legend').or(connections)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/registry-4-networks-dark.png` });
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await page.getByRole('tab', { name: /^Actors/ }).click();
  await registryRow(page, 'Foreign Minister').getByRole('button', { name: 'Edit actor Foreign Minister' }).click();
  await page.screenshot({ path: `${SHOTS}/registry-5-editor-dark.png` });
  expect(await seriousViolations(page)).toEqual([]);
});
