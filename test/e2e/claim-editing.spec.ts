import { test, expect } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SENTENCE =
  "Experts have described the meeting as a success in terms of expressing each other's opposite positions and policies on major issues.";

test('keyboard only: select a sentence in the reader, press C, code the claim, save', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(notebook.claimCards).toHaveCount(10);

  // Alt+2 focuses the article text; Ctrl+Down walks paragraphs; S selects the sentence at the caret.
  await notebook.caretToParagraph('Experts have described');
  await page.keyboard.press('s');
  await expect.poll(() => notebook.selectionText()).toContain(SENTENCE);
  await page.keyboard.press('c');

  const editor = notebook.claimEditor;
  await expect(editor).toBeVisible();
  await expect(editor.locator('.claim-editor__quote')).toHaveText(`“${SENTENCE}”`);
  // "Experts have described …": the attribution proposes the actor (and the speaker).
  await expect(editor.locator('.actor-chip')).toHaveText([/Experts/]);
  await notebook.pickByTyping('Issue', 'Bilateral rel', 'Bilateral relationship');
  await expect(editor.getByRole('combobox', { name: 'Issue' })).toHaveValue('Bilateral relationship');
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('combobox', { name: 'Proposition' })).toBeFocused();
  await page.keyboard.type('The talks were constructive');
  await page.keyboard.press('Escape'); // closes the suggestions, not the dialog
  await expect(editor).toBeVisible();
  await page.keyboard.press('Alt+4');
  await expect(editor.getByRole('radio', { name: /^4?\s*supports$/ })).toBeChecked();
  await page.keyboard.press('Control+Enter');

  await expect(editor).toBeHidden();
  await expect(notebook.claimCards).toHaveCount(11);
  const card = notebook.card('Experts have described the meeting');
  await expect(card).toContainText('Experts');
  await expect(card).toContainText('Bilateral relationship');
  await expect(card.locator('.stance-chip')).toHaveText('supports');
  const id = (await card.getAttribute('data-claim-id')) ?? '';
  await expect(notebook.highlightsOf(id)).toHaveText([SENTENCE]);
  await expect(notebook.status).toContainText('Claim saved');
});

test('a shift+arrow keyboard selection inside a claimed sentence makes an overlapping claim with its own margin bar', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await notebook.caretToParagraph('The two sides also discussed');
  // Shift+Ctrl+Right extends word by word, into the claim that starts at "Taiwan independence".
  for (let i = 0; i < 30 && !(await notebook.selectionText()).endsWith('Taiwan independence'); i++) {
    await page.keyboard.press('Shift+Control+ArrowRight');
  }
  expect(await notebook.selectionText()).toBe('The two sides also discussed the issue of Taiwan, with Wang stressing that Taiwan independence');
  await page.keyboard.press('Control+Enter');
  await expect(notebook.claimEditor).toBeVisible();
  await notebook.pickByTyping('Actors', 'United', 'United States');
  await page.keyboard.press('Control+Enter');
  await expect(notebook.claimCards).toHaveCount(11);
  // "Taiwan independence" is now under two claims: one segment, both ids, each with its own bar.
  const overlap = notebook.articleBody.locator('mark.hl--overlap');
  await expect(overlap).toHaveText(['Taiwan independence']);
  const ids = ((await overlap.getAttribute('data-claims')) ?? '').split(' ');
  expect(ids).toHaveLength(2);
  const bars = ids.map((id) => page.locator(`.margin-bar[data-claim-id="${id}"]`));
  await expect(bars[0]!).toBeVisible();
  await expect(bars[1]!).toBeVisible();
  const [a, b] = await Promise.all(bars.map((bar) => bar.boundingBox()));
  expect(a!.x).not.toBe(b!.x);
  // Focusing or hovering a bar shows its claim; clicking it selects the card.
  await bars[0]!.hover();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await bars[0]!.click();
  await expect(notebook.sidebar.locator(`[data-claim-id="${ids[0]}"]`)).toHaveAttribute('aria-current', 'true');
});

test('edit a claim’s note from its card, then from the keyboard', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const card = notebook.card('Taiwan independence is the biggest risk');
  await card.getByRole('button', { name: 'Edit claim' }).click();
  const editor = notebook.claimEditor;
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('combobox', { name: 'Issue' })).toHaveValue('Taiwan');
  await editor.getByLabel('Note').fill('Wang frames independence as the main threat.');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toBeHidden();
  await expect(card.getByTestId('claim-note')).toHaveText('Wang frames independence as the main threat.');

  // Keyboard: focus the card, Enter edits, Ctrl+Enter saves.
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  await editor.getByLabel('Note').fill('Second thoughts.');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  await expect(card.getByTestId('claim-note')).toHaveText('Second thoughts.');
});

test('delete a claim with the Delete key, after confirming; Escape keeps it', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const card = notebook.card('miles apart');
  const id = (await card.getAttribute('data-claim-id')) ?? '';
  await card.focus();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete this claim?' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(notebook.claimCards).toHaveCount(10);

  await card.focus();
  await page.keyboard.press('Delete');
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(notebook.claimCards).toHaveCount(9);
  await expect(notebook.highlightsOf(id)).toHaveCount(0);
  await expect(notebook.library.getByTestId('library-row')).toContainText('9');
});

test('cancelling the claim editor gives the selection back, so C can be pressed again', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await notebook.caretToParagraph('Experts have described');
  await page.keyboard.press('s');
  await expect.poll(() => notebook.selectionText()).toContain(SENTENCE);
  await page.keyboard.press('c');
  await expect(notebook.claimEditor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(notebook.claimEditor).toBeHidden();
  await expect.poll(() => notebook.selectionText()).toBe(SENTENCE);
  await page.keyboard.press('c');
  await expect(notebook.claimEditor.locator('.claim-editor__quote')).toHaveText(`“${SENTENCE}”`);
});
