import { test, expect } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const PASTED = [
  'Tuesday, March 4, 2025',
  'EU and UK agree to review fisheries access',
  'The European Union and the United Kingdom agreed on Tuesday to review fishing access in their shared waters.',
  'Officials in Brussels said the review would begin in the spring and end before the summer.',
].join('\n');

test('paste a new article: it opens with its title and date, and its details can be edited', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await notebook.library.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Article text').fill(PASTED);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();

  await expect(notebook.reader.getByRole('heading', { level: 1 })).toHaveText('EU and UK agree to review fisheries access');
  await expect(notebook.reader.getByTestId('article-facts')).toContainText('4 March 2025');
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(2);
  await expect(notebook.status).toContainText('Imported');
  await expect(notebook.claimCards).toHaveCount(0);

  await notebook.reader.getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await details.getByLabel('Source').fill('Example Wire');
  await details.getByLabel('Author').fill('A. Reporter');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(notebook.reader.getByTestId('article-facts')).toContainText('Example Wire');
  await expect(notebook.library.getByTestId('library-row').filter({ hasText: 'fisheries' })).toContainText('Example Wire');

  // The same text again is a duplicate: nothing is added, the existing article opens.
  await notebook.library.getByTestId('library-row').filter({ hasText: 'US, China agree' }).click();
  await page.keyboard.press('n');
  await dialog.getByLabel('Article text').fill(PASTED);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(notebook.status).toContainText('already in the notebook');
  await expect(notebook.reader.getByRole('heading', { level: 1 })).toHaveText('EU and UK agree to review fisheries access');
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(2);
});

test('add a Markdown file with the file picker', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Add a file (.txt, .md)…').setInputFiles({
    name: 'grain-corridor.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '# Grain corridor talks resume\n\nNegotiators met again in Istanbul.\n\n> "We are close," one said.\n\n- Ports\n- Insurance\n',
    ),
  });
  await expect(dialog).toBeHidden();
  await expect(notebook.reader.getByRole('heading', { level: 1 })).toContainText('Grain corridor talks resume');
  await expect(notebook.articleBody.locator('blockquote')).toContainText('We are close');
  await expect(notebook.articleBody.locator('li')).toHaveText(['Ports', 'Insurance']);
});

test('bad input: an empty paste and a binary .txt each show a clear error and change nothing', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await notebook.library.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Article text').fill('   \n  ');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog.getByRole('alert')).toContainText('no text to import');

  const binary = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0xff, 0xfe, 0x00, 0x01,
  ]);
  await dialog.getByLabel('Add a file (.txt, .md)…').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: binary });
  await expect(dialog.getByRole('alert')).toContainText(/notes\.txt/);
  await expect(dialog).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(1);
  await expect(notebook.claimCards).toHaveCount(10);
});
