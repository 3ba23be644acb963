import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, call, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.SHOTS_DIR;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PAGE = 'en-arc-election-audit.html';

test('the reader shows what the import removed and puts a block back as a revision', async ({ app, page }) => {
  const bytes = readFileSync(path.join(HERE, '../fixtures/furniture/pages', PAGE));
  await call(page, app, 'importFile', { name: PAGE, dataBase64: bytes.toString('base64') });
  const notebook = new NotebookPage(page);
  await notebook.library.getByTestId('library-row').filter({ hasText: 'State auditors find no sign' }).click();
  await notebook.waitForArticle();
  await expect(notebook.articleBody).not.toContainText('Continue reading the main story');

  const details = page.getByTestId('import-details');
  await expect(details).toContainText('Import details: 7 removed blocks');
  await details.locator('summary').click();
  await expect(details.getByRole('heading', { name: 'Removed as page furniture' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-details.png` });
  expect(await seriousViolations(page)).toEqual([]);

  await details.getByRole('button', { name: /^Restore “Continue reading the main story”/ }).click();
  await expect(notebook.status).toContainText('Block restored as revision 2.');
  await expect(notebook.articleBody).toContainText('Continue reading the main story');
  await expect(details).toContainText('Import details: 6 removed blocks');
  // It stands where it stood: between the first two paragraphs.
  const paragraphs = notebook.articleBody.locator('p');
  await expect(paragraphs.nth(1)).toHaveText('Continue reading the main story');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-details-restored.png` });
});
