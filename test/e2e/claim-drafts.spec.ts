import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { NotebookPage, defaultStanceColours } from './pages/notebook-page';

/*
 * A claim is drawn the moment it is saved, edited or deleted, before the core answers; when the
 * core refuses, what was drawn is taken back and the analyst keeps everything typed. The core's
 * answer is held (and then refused) by intercepting the one request, so each state is seen for sure.
 */

const SENTENCE =
  "Experts have described the meeting as a success in terms of expressing each other's opposite positions and policies on major issues.";

/** Holds the next call of `method` until released, then answers it with the core's error shape. */
async function holdAndRefuse(page: Page, method: string, message: string): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/${method}`, async (route: Route) => {
    await released;
    await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message } }) });
  });
  return release;
}

test('a new claim shows while it is saved; a refused save takes it back, says why and keeps the coding', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(notebook.claimCards).toHaveCount(10);
  await notebook.caretToParagraph('Experts have described');
  await page.keyboard.press('s');
  await page.keyboard.press('c');
  const editor = notebook.claimEditor;
  await expect(editor).toBeVisible();
  await editor.getByRole('textbox', { name: 'Note' }).fill('Check the readout.');
  await page.keyboard.press('Alt+4');

  const release = await holdAndRefuse(page, 'createClaim', 'The notebook could not be written (disk full).');
  await editor.getByRole('button', { name: 'Save claim' }).click();
  // Drawn before the core answers, under a stand-in id, in the stance's colour.
  const draft = notebook.articleBody.locator('mark[data-claims^="draft-"]');
  await expect(draft).toHaveText([SENTENCE]);
  expect(await draft.evaluate((m) => (m as HTMLElement).style.getPropertyValue('--hl').toLowerCase())).toBe(defaultStanceColours().get('supports'));

  release();
  await expect(editor.getByRole('alert')).toHaveText(
    'The claim was not saved: The notebook could not be written (disk full). What you typed is kept here: correct it and save again, or cancel.',
  );
  await expect(draft).toHaveCount(0);
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('Check the readout.');
  await expect(editor.getByRole('radio', { name: 'supports', exact: true })).toBeChecked();

  await page.unrouteAll({ behavior: 'wait' });
  await editor.getByRole('button', { name: 'Save claim' }).click();
  await expect(editor).toBeHidden();
  await expect(notebook.claimCards).toHaveCount(11);
  const card = notebook.card('Experts have described the meeting');
  await expect(card).toContainText('Check the readout.');
  const id = (await card.getAttribute('data-claim-id')) ?? '';
  expect(id).not.toMatch(/^draft-/);
  await expect(notebook.highlightsOf(id)).toHaveText([SENTENCE]);
  await expect(draft).toHaveCount(0);
});

test('an edited stance shows at once; a refused edit puts the old colour back', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const colours = defaultStanceColours();
  const card = notebook.card('Taiwan independence is the biggest risk');
  const id = (await card.getAttribute('data-claim-id')) ?? '';
  const colourOf = () =>
    notebook
      .highlightsOf(id)
      .first()
      .evaluate((m) => (m as HTMLElement).style.getPropertyValue('--hl').toLowerCase());
  const before = await colourOf();
  await card.getByRole('button', { name: 'Edit claim' }).click();
  const editor = notebook.claimEditor;
  await expect(editor).toBeVisible();
  // Alt+3: neutral, the middle of the scale (the claim is coded otherwise).
  const other = ['neutral', colours.get('neutral')!] as const;
  expect(other[1]).not.toBe(before);
  await page.keyboard.press('Alt+3');
  await expect(editor.getByRole('radio', { name: other[0], exact: true })).toBeChecked();

  const release = await holdAndRefuse(page, 'updateClaim', 'The claim is locked by another coder.');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(colourOf).toBe(other[1]);
  release();
  await expect(editor.getByRole('alert')).toContainText('The changes were not saved: The claim is locked by another coder.');
  await expect.poll(colourOf).toBe(before);
  await expect(editor.getByRole('radio', { name: other[0], exact: true })).toBeChecked();
});

test('a deleted claim goes at once; a refused delete brings it back with the reason', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const card = notebook.card('Taiwan independence is the biggest risk');
  const id = (await card.getAttribute('data-claim-id')) ?? '';
  const marks = await notebook.highlightsOf(id).count();
  expect(marks).toBeGreaterThan(0);
  await card.getByRole('button', { name: 'Delete claim' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this claim?' });

  const release = await holdAndRefuse(page, 'deleteClaim', 'The notebook is read-only.');
  await dialog.getByRole('button', { name: 'Delete claim' }).click();
  await expect(notebook.highlightsOf(id)).toHaveCount(0);
  release();
  await expect(dialog.getByRole('alert')).toHaveText('The notebook is read-only.');
  await expect(notebook.highlightsOf(id)).toHaveCount(marks);
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(notebook.claimCards).toHaveCount(10);
});

test('after a delete the claim beside it is selected and focused, not the first claim', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const cards = notebook.claimCards;
  await expect(cards).toHaveCount(10);
  const ids = await cards.evaluateAll((all) => all.map((c) => c.getAttribute('data-claim-id') ?? ''));
  // A claim in the middle of the list: the one after it takes its place.
  const victim = page.locator(`[data-testid="claim-card"][data-claim-id="${ids[4]}"]`);
  await victim.getByRole('button', { name: 'Delete claim' }).click();
  await page.getByRole('alertdialog', { name: 'Delete this claim?' }).getByRole('button', { name: 'Delete claim' }).click();
  await expect(cards).toHaveCount(9);
  const next = page.locator(`[data-testid="claim-card"][data-claim-id="${ids[5]}"]`);
  await expect(next).toHaveAttribute('aria-current', 'true');
  await expect(next).toBeFocused();
});
