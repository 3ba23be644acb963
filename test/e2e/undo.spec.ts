import { test, expect } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.SHOTS_DIR;

test('undo and redo a claim delete with the keyboard: the highlight goes, comes back, goes again', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const undo = page.getByTestId('undo-button');
  const redo = page.getByTestId('redo-button');
  // A new notebook starts with nothing to undo: the sample's claims are not the analyst's steps.
  await expect(undo).toBeDisabled();
  await expect(undo).toHaveAccessibleName('Nothing to undo');

  const card = notebook.card('Taiwan independence is the biggest risk');
  const id = (await card.getAttribute('data-claim-id')) ?? '';
  await expect(notebook.highlightsOf(id)).not.toHaveCount(0);
  await card.click();
  await page.keyboard.press('Delete');
  await page.getByRole('alertdialog', { name: 'Delete this claim?' }).getByRole('button', { name: 'Delete claim' }).click();
  await expect(notebook.highlightsOf(id)).toHaveCount(0);
  await expect(notebook.claimCards).toHaveCount(9);
  await expect(undo).toHaveAccessibleName('Undo Delete claim');
  await expect(undo).toHaveAttribute('title', 'Undo Delete claim (Ctrl+Z)');

  await page.keyboard.press('Control+z');
  await expect(notebook.status).toContainText('Undid: Delete claim');
  await expect(notebook.highlightsOf(id)).not.toHaveCount(0);
  await expect(notebook.claimCards).toHaveCount(10);
  await expect(redo).toHaveAccessibleName('Redo Delete claim');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/undo-restored.png` });

  await page.keyboard.press('Control+Shift+z');
  await expect(notebook.status).toContainText('Redid: Delete claim');
  await expect(notebook.highlightsOf(id)).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(notebook.highlightsOf(id)).not.toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(notebook.highlightsOf(id)).toHaveCount(0);
  await expect(redo).toBeDisabled();

  // The buttons do the same as the keys.
  await undo.click();
  await expect(notebook.highlightsOf(id)).not.toHaveCount(0);
  await expect(undo).toBeDisabled();
});

test('Ctrl+Z inside a text field is the field’s own undo, not the notebook’s', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const card = notebook.card('miles apart');
  await card.getByRole('button', { name: 'Delete claim' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete claim' }).click();
  await expect(notebook.claimCards).toHaveCount(9);

  const search = page.getByRole('searchbox', { name: 'Filter claims by text' });
  await search.fill('Taiwan');
  await search.press('Control+z');
  // The field took back the typing; the deleted claim stays deleted.
  await expect(search).toHaveValue('');
  await expect(notebook.claimCards).toHaveCount(9);
  await expect(page.getByTestId('undo-button')).toHaveAccessibleName('Undo Delete claim');
  await expect(notebook.status).not.toContainText('Undid');
});

test('an undo whose records changed since is refused with a clear conflict message', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await page.getByRole('button', { name: '+ New actor' }).click();
  await page.getByRole('dialog', { name: 'New actor' }).getByRole('textbox', { name: 'Name', exact: true }).fill('European Union');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('undo-button')).toHaveAccessibleName('Undo Add actor');

  // A codebook import is not an undoable step: it changes the codebook outside the history.
  const file = {
    format: 'stancebook-codebook',
    version: 1,
    codebook: { actors: [{ id: 'actor-nato', name: 'NATO', aliases: [], color: null }], issues: [], stances: [], tags: [] },
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import codebook…' }).click();
  await (await chooser).setFiles({ name: 'nato.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(notebook.status).toContainText('From “nato.json”: added 1 actor');

  await page.getByRole('tab', { name: /^Actors/ }).focus();
  await page.keyboard.press('Control+z');
  await expect(notebook.alert).toContainText('Could not undo: "Add actor" cannot be undone');
  await expect(notebook.alert).toContainText('has changed since');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/undo-conflict.png` });
  // The history is dropped after a conflict, so the buttons say there is nothing left.
  await expect(page.getByTestId('undo-button')).toBeDisabled();
  await expect(page.getByTestId('codebook-view')).toContainText('European Union');
});
