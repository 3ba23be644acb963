import type { Page } from '@playwright/test';
import { test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.SHOTS_DIR;

async function openCodebook(page: Page, tab: string) {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await expect(page.getByTestId('codebook-view')).toBeVisible();
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
}

function row(page: Page, name: string) {
  return page
    .getByTestId('codebook-view')
    .locator('.codebook-row')
    .filter({ has: page.locator('.codebook-row__name', { hasText: new RegExp(`^(└ )?${name}`) }) });
}

test('create an actor, rename it, merge an actor into it: the claim card follows', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await openCodebook(page, 'Actors');

  await page.getByRole('button', { name: '+ New actor' }).click();
  const editor = page.getByRole('dialog', { name: 'New actor' });
  await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Commentariat');
  await editor.getByLabel(/^Aliases/).fill('commentators, pundits');
  await editor.getByLabel(/^Colour \(#rrggbb/).fill('#2a7f62');
  await editor.getByRole('button', { name: 'Add actor' }).click();
  await expect(editor).toBeHidden();
  await expect(row(page, 'Commentariat')).toContainText('commentators, pundits');
  await expect(notebook.status).toContainText('Added the actor “Commentariat”');

  await row(page, 'Commentariat').getByRole('button', { name: 'Edit actor Commentariat' }).click();
  const rename = page.getByRole('dialog', { name: /Edit actor/ });
  await rename.getByRole('textbox', { name: 'Name', exact: true }).fill('Think tanks');
  await page.keyboard.press('Enter');
  await expect(rename).toBeHidden();
  await expect(row(page, 'Think tanks')).toBeVisible();
  await expect(row(page, 'Commentariat')).toHaveCount(0);

  // Merge "Experts" into the new actor: the "miles apart" claim now names Think tanks.
  const card = notebook.card('miles apart');
  await expect(card.locator('.actor-chip')).toHaveText(['Experts']);
  await row(page, 'Experts').getByRole('button', { name: 'Merge… actor Experts' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge actor “Experts”' });
  await merge
    .getByRole('button', { name: /Merge into/ })
    .first()
    .click();
  await page.getByRole('option', { name: 'Think tanks' }).click();
  await merge.getByRole('button', { name: 'Merge into “Think tanks”' }).click();
  await expect(merge).toBeHidden();
  await expect(notebook.status).toContainText('Merged “Experts” into “Think tanks”; 1 claim changed');
  await expect(card.locator('.actor-chip')).toHaveText(['Think tanks']);
  await expect(row(page, 'Think tanks')).toContainText('Experts');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/codebook-actors.png` });
});

test('deleting an issue in use is refused with the count, then done by moving its claims', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await openCodebook(page, 'Issues');
  // Each entry shows how many claims carry it, counted across the notebook.
  await expect(row(page, 'Taiwan').getByTestId('entry-usage')).toHaveText('2 claims');
  const scsBefore = Number((await row(page, 'South China Sea').getByTestId('entry-usage').textContent())?.split(' ')[0]);

  await row(page, 'Taiwan').getByRole('button', { name: 'Delete… issue Taiwan' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete issue “Taiwan”?' });
  await expect(dialog.getByTestId('usage')).toHaveText('2 claims use it.');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/codebook-delete-issue.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Delete issue' }).click();
  await expect(dialog.getByTestId('delete-problem')).toContainText('2 claims use the issue "Taiwan".');
  await expect(row(page, 'Taiwan')).toHaveCount(1);

  await dialog.getByText('Move them to another issue').click();
  await expect(dialog.getByRole('radio', { name: 'Move them to another issue' })).toBeChecked();
  await dialog.getByRole('button', { name: /Move claims to/ }).click();
  await page.getByRole('option', { name: 'South China Sea' }).click();
  await dialog.getByRole('button', { name: 'Delete issue' }).click();
  await expect(dialog).toBeHidden();
  await expect(notebook.status).toContainText('Deleted the issue “Taiwan”. 2 claims moved to “South China Sea”.');
  await expect(row(page, 'Taiwan')).toHaveCount(0);
  await expect(row(page, 'South China Sea').getByTestId('entry-usage')).toHaveText(`${scsBefore + 2} claims`);
  await expect(notebook.card('Taiwan independence is the biggest risk')).toContainText('South China Sea');
});

test('reorder the stance scale with the buttons and with Alt+arrows', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await openCodebook(page, 'Stances');
  const names = page.getByTestId('stance-list').locator('.codebook-row__name');
  await expect(names).toHaveText(['strongly opposes', 'opposes', 'neutral', 'supports', 'strongly supports']);

  await row(page, 'neutral').getByRole('button', { name: 'Move neutral towards opposes' }).click();
  await expect(names).toHaveText(['strongly opposes', 'neutral', 'opposes', 'supports', 'strongly supports']);
  // Focus stays on the moved stance, so Alt+↓ twice carries it on down the scale.
  await expect(row(page, 'neutral').getByRole('button', { name: 'Move neutral towards opposes' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(names).toHaveText(['strongly opposes', 'opposes', 'neutral', 'supports', 'strongly supports']);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(names).toHaveText(['strongly opposes', 'opposes', 'supports', 'neutral', 'strongly supports']);
  await expect(notebook.status).toContainText('Moved “neutral” to place 4 of 5');

  // The claim editor's scale follows the new order.
  await notebook.card('Taiwan independence is the biggest risk').getByRole('button', { name: 'Edit claim' }).click();
  await expect(notebook.claimEditor.locator('.stance-option')).toHaveText([
    /strongly opposes/,
    /opposes/,
    /supports/,
    /neutral/,
    /strongly supports/,
  ]);
});

test('the codebook view has no serious or critical accessibility violations', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  for (const tab of ['Actors', 'Issues', 'Stances', 'Tags']) {
    await openCodebook(page, tab);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/codebook-${tab.toLowerCase()}-tab.png` });
    expect(await seriousViolations(page), tab).toEqual([]);
    await page.getByRole('button', { name: 'Reader', exact: true }).click();
  }
  await openCodebook(page, 'Issues');
  await row(page, 'Bilateral relationship').getByRole('button', { name: 'Edit issue Bilateral relationship' }).click();
  await expect(page.getByRole('dialog', { name: /Edit issue/ })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/codebook-issue-editor.png` });
  expect(await seriousViolations(page)).toEqual([]);
});

test('export the codebook as Stancebook JSON and as REFI-QDA .qdc', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await openCodebook(page, 'Tags');
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const jsonFile = await json;
  expect(jsonFile.suggestedFilename()).toMatch(/\.json$/);
  const parsed = JSON.parse(await (await jsonFile.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))) as {
    format: string;
    codebook: { actors: unknown[] };
  };
  expect(parsed.format).toBe('stancebook-codebook');
  expect(parsed.codebook.actors).toHaveLength(6);
  const qdc = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export REFI-QDA (.qdc)' }).click();
  expect((await qdc).suggestedFilename()).toMatch(/\.qdc$/);
  await expect(notebook.status).toContainText(/Codebook saved as .*\.qdc/);
});
