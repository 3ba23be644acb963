import type { Page } from '@playwright/test';
import { test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

interface FakeFile {
  path: string;
  text?: string;
  bytes?: number[];
}

const BINARY = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0xff, 0xfe, 0x00, 0x01];

const FILES: FakeFile[] = [
  {
    path: 'fisheries.txt',
    text: 'EU and UK agree to review fisheries access\n\nThe European Union and the United Kingdom agreed to review fishing access.\n',
  },
  { path: 'grain.md', text: '# Grain corridor talks resume\n\nNegotiators met again in Istanbul on Monday.\n' },
  { path: 'empty.txt', text: '' },
  { path: 'notes.txt', bytes: BINARY },
];

/** Drops loose files through a real DataTransfer, as the browser builds it for a file drag. */
async function dropFiles(page: Page, files: FakeFile[]): Promise<void> {
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.bytes ? new Uint8Array(f.bytes) : (f.text ?? '')], f.path, { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, files);
}

/** Drops a folder: entries as webkitGetAsEntry gives them (Playwright cannot drag a real folder). */
async function dropFolder(page: Page, folder: string, files: FakeFile[]): Promise<void> {
  await page.evaluate(
    ({ folder, list }) => {
      const fileEntry = (f: FakeFile) => ({
        isFile: true,
        isDirectory: false,
        name: f.path.split('/').pop(),
        fullPath: `/${folder}/${f.path}`,
        file: (ok: (file: File) => void) => ok(new File([f.bytes ? new Uint8Array(f.bytes) : (f.text ?? '')], f.path.split('/').pop() ?? 'x')),
      });
      let served = false;
      const dir = {
        isFile: false,
        isDirectory: true,
        name: folder,
        fullPath: `/${folder}`,
        createReader: () => ({
          readEntries: (ok: (entries: unknown[]) => void) => {
            const batch = served ? [] : list.map(fileEntry);
            served = true;
            ok(batch);
          },
        }),
      };
      const transfer = {
        types: ['Files'],
        files: [],
        items: [{ kind: 'file', webkitGetAsEntry: () => dir, getAsFile: () => null }],
        dropEffect: 'none',
      };
      for (const type of ['dragenter', 'dragover', 'drop']) {
        const event = new Event(type, { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'dataTransfer', { value: transfer });
        document.body.dispatchEvent(event);
      }
    },
    { folder, list: files },
  );
}

test('drop several files: each gets a result, a bad file never stops the rest', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await dropFiles(page, FILES);

  const dialog = page.getByRole('dialog', { name: 'Import files' });
  const results = dialog.getByRole('list', { name: 'Files' }).getByRole('listitem');
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '4');
  await expect(dialog.getByTestId('import-count')).toHaveText('4 of 4');
  await expect(results).toHaveCount(4);
  await expect(results.filter({ hasText: 'fisheries.txt' })).toContainText('Imported: EU and UK agree to review fisheries access');
  await expect(results.filter({ hasText: 'grain.md' })).toContainText('Imported');
  await expect(results.filter({ hasText: 'empty.txt' })).toHaveAttribute('data-state', 'failed');
  await expect(results.filter({ hasText: 'notes.txt' })).toHaveAttribute('data-state', 'failed');
  await expect(results.filter({ hasText: 'notes.txt' }).locator('.import-result__message')).not.toBeEmpty();
  await expect(notebook.status).toContainText('2 imported, 2 not imported');
  await page.screenshot({ path: '/tmp/shots/import-results.png' });
  expect(await seriousViolations(page)).toEqual([]);

  await results.filter({ hasText: 'grain.md' }).getByRole('button', { name: 'Grain corridor talks resume' }).click();
  await expect(dialog).toBeHidden();
  await expect(notebook.reader.getByRole('heading', { level: 1 })).toHaveText('Grain corridor talks resume');
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(3);
});

test('drop a folder: files inside are walked; duplicates can be skipped or kept as a new revision', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await dropFiles(page, FILES.slice(0, 2));
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await expect(dialog.getByTestId('import-count')).toHaveText('2 of 2');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await dropFolder(page, 'press', [
    ...FILES.slice(0, 2),
    {
      path: 'ports.html',
      text: '<html><head><title>Ports reopen after strike</title></head><body><h1>Ports reopen after strike</h1><p>Dockers returned to work on Friday.</p></body></html>',
    },
    { path: 'photo.png', bytes: BINARY },
  ]);
  const results = dialog.getByRole('list', { name: 'Files' }).getByRole('listitem');
  await expect(dialog.getByTestId('import-count')).toHaveText('4 of 4');
  await expect(results.nth(0)).toContainText('press/fisheries.txt');
  await expect(results.filter({ hasText: 'fisheries.txt' })).toContainText('Already in the notebook as “EU and UK agree to review fisheries access”');
  await expect(results.filter({ hasText: 'ports.html' })).toContainText('Imported: Ports reopen after strike');
  await expect(results.filter({ hasText: 'photo.png' })).toContainText('cannot read .png files');
  await page.screenshot({ path: '/tmp/shots/import-folder.png' });

  await results.filter({ hasText: 'fisheries.txt' }).getByRole('button', { name: 'Skip' }).click();
  await expect(results.filter({ hasText: 'fisheries.txt' })).toHaveAttribute('data-state', 'skipped');
  await results.filter({ hasText: 'grain.md' }).getByRole('button', { name: 'Import as new revision' }).click();
  await expect(results.filter({ hasText: 'grain.md' })).toHaveAttribute('data-state', 'revised');
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(4);
});

test('Import files… picks several files at once', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await notebook.library
    .getByLabel('Import files…')
    .setInputFiles(FILES.slice(0, 2).map((f) => ({ name: f.path, mimeType: 'text/plain', buffer: Buffer.from(f.text ?? '') })));
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await expect(dialog.getByTestId('import-count')).toHaveText('2 of 2');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Imported' })).toHaveCount(2);
});

test('the library sorts and filters in the core; tags and collections are edited on an article', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await dropFiles(page, FILES.slice(0, 2));
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await expect(dialog.getByTestId('import-count')).toHaveText('2 of 2');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const rows = notebook.library.getByTestId('library-row');
  const titles = () => rows.locator('.library-row__title');
  await notebook.library.getByLabel('Sort').selectOption('title');
  await expect(titles()).toHaveText([/^EU and UK/, /^Grain corridor/, /^US, China agree/]);
  await notebook.library.getByRole('button', { name: /switch to/ }).click();
  await expect(titles()).toHaveText([/^US, China agree/, /^Grain corridor/, /^EU and UK/]);

  // Tags and collections on the grain article, then filter by them.
  await notebook.library.getByRole('button', { name: 'Tags and collections of “Grain corridor talks resume”' }).click();
  const labels = page.getByRole('dialog', { name: 'Tags and collections' });
  await labels.getByLabel('Tags').fill('food, Black Sea');
  await labels.getByLabel('Collections').fill('Ukraine war');
  await labels.getByRole('button', { name: 'Save' }).click();
  await expect(labels).toBeHidden();
  await expect(rows.filter({ hasText: 'Grain corridor' })).toContainText('Ukraine war · food · Black Sea');

  await notebook.library.getByRole('button', { name: 'Filters' }).click();
  const filters = notebook.library.getByRole('group', { name: 'Library filters' });
  await filters.getByLabel('Tag').selectOption('food');
  await expect(titles()).toHaveText([/^Grain corridor/]);
  await expect(notebook.library.getByText('1 article matches')).toBeVisible();
  await filters.getByLabel('Tag').selectOption('');
  await filters.getByLabel('Collection').selectOption('Ukraine war');
  await expect(titles()).toHaveText([/^Grain corridor/]);
  await filters.getByLabel('Collection').selectOption('');

  // Rename the collection everywhere, then remove it; the article stays.
  await filters.getByRole('button', { name: 'Rename or remove collections…' }).click();
  const manage = page.getByRole('dialog', { name: 'Collections' });
  await expect(manage.getByRole('listitem')).toHaveText([/Ukraine war\s*1 article/]);
  await manage.getByRole('button', { name: 'Rename Ukraine war' }).click();
  await manage.getByLabel('New name for Ukraine war').fill('Black Sea grain');
  await manage.getByLabel('New name for Ukraine war').press('Enter');
  await expect(manage.getByRole('listitem')).toHaveText([/Black Sea grain\s*1 article/]);
  await expect(rows.filter({ hasText: 'Grain corridor' })).toContainText('Black Sea grain · food · Black Sea');
  await page.screenshot({ path: '/tmp/shots/library-collections.png' });
  await manage.getByRole('button', { name: 'Remove Black Sea grain' }).click();
  await manage.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(manage.getByText('No collections yet.')).toBeVisible();
  await manage.getByRole('button', { name: 'Close' }).click();
  await expect(rows.filter({ hasText: 'Grain corridor' })).not.toContainText('Black Sea grain');
  await expect(rows).toHaveCount(3);

  // Undated articles drop out of a date range.
  await filters.getByLabel('Published from').fill('2024-12-01');
  await expect(titles()).toHaveText([/^US, China agree/]);
  await page.screenshot({ path: '/tmp/shots/library-filters.png' });
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);

  await notebook.library.getByLabel('Find an article').fill('grain');
  await expect(titles()).toHaveText([/^Grain corridor/]);
});

test('a CSV opens the column mapping; each row lands in the results list', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const csv = [
    'Headline,Body,Outlet',
    'Ports reopen after strike,Dockers returned to work on Friday after a week-long strike.,Harbour News',
    'Rail deal signed,The two governments signed the rail agreement in Vienna.,Wire',
    'Empty row,,Wire',
  ].join('\n');
  await notebook.library.getByLabel('Import files…').setInputFiles({ name: 'press.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const mapping = page.getByRole('dialog', { name: 'Import press.csv' });
  await expect(mapping.getByRole('table', { name: 'First rows of the file' })).toContainText('Dockers returned');
  await mapping.getByLabel('Article text (required)').selectOption('Body');
  await mapping.getByLabel('Title').selectOption('Headline');
  await mapping.getByLabel('Source').selectOption('Outlet');
  await page.screenshot({ path: '/tmp/shots/csv-mapping.png' });
  expect(await seriousViolations(page)).toEqual([]);
  await mapping.getByRole('button', { name: 'Import rows' }).click();

  const dialog = page.getByRole('dialog', { name: 'Import files' });
  const results = dialog.getByRole('list', { name: 'Files' }).getByRole('listitem');
  await expect(results).toHaveCount(3);
  await expect(results.filter({ hasText: 'press.csv, row 2' })).toContainText('Imported: Ports reopen after strike');
  await expect(results.filter({ hasText: 'press.csv, row 3' })).toContainText('Imported: Rail deal signed');
  await expect(results.filter({ hasText: 'press.csv, row 4' })).toHaveAttribute('data-state', 'failed');
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(3);
  await expect(notebook.library.getByTestId('library-row').filter({ hasText: 'Rail deal' })).toContainText('Wire');
});

test('Cancel stops after the file being imported; the rest are marked cancelled', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const many = Array.from({ length: 60 }, (_, i) => ({
    path: `note-${i + 1}.txt`,
    text: `Note number ${i + 1}\n\nA short note, distinct as number ${i + 1}.`,
  }));
  await dropFiles(page, many);
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
  const results = dialog.getByRole('list', { name: 'Files' }).getByRole('listitem');
  const imported = await results.and(page.locator('[data-state="imported"]')).count();
  const cancelled = await results.and(page.locator('[data-state="cancelled"]')).count();
  expect(imported).toBeGreaterThan(0);
  expect(cancelled).toBeGreaterThan(0);
  expect(imported + cancelled).toBe(60);
  await expect(notebook.status).toContainText(`${imported} imported, ${cancelled} cancelled`);
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(imported + 1);
});
