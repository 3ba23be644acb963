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
  // Loaded afresh: the page opened before the import, and its change feed may not have been connected yet.
  await page.reload();
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

const TABLE_PAGE = `<html><head><title>River allocation vote</title></head><body><article>
<p>${'The committee published the results of the vote on the river allocation after a long session. '.repeat(3)}</p>
<table><caption>Votes by delegation</caption>
<thead><tr><th>Delegation</th><th>Vote</th><th>Share</th></tr></thead>
<tbody><tr><td>North</td><td>For</td><td>52 %</td></tr><tr><td>South</td><td colspan="2">Abstained</td></tr><tr><td>East</td><td>Against</td><td>48 %</td></tr></tbody>
</table>
<p>The next meeting is in June, when the committee will review the flow data from the upstream gauges.</p>
</article></body></html>`;

test('a table reads as a table, and a claim quotes one cell', async ({ app, page }) => {
  await call(page, app, 'importFile', { name: 'vote.html', dataBase64: Buffer.from(TABLE_PAGE).toString('base64') });
  // Loaded afresh: the page opened before the import, and its change feed may not have been connected yet.
  await page.reload();
  const notebook = new NotebookPage(page);
  await notebook.library.getByTestId('library-row').filter({ hasText: 'River allocation vote' }).click();
  await notebook.waitForArticle();
  const table = notebook.articleBody.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Delegation', 'Vote', 'Share']);
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText(['South', 'Abstained']);
  await expect(table.getByRole('cell', { name: 'Abstained' })).toHaveAttribute('colspan', '2');

  // Select the text of one cell and make a claim of it.
  const cell = table.getByRole('cell', { name: 'Against' });
  await cell.locator('span').first().selectText();
  await page.keyboard.press('c');
  await expect(notebook.claimEditor).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/reader-table.png` });
  expect(await seriousViolations(page)).toEqual([]);
});

test('import notes and source fields are shown in the article details', async ({ app, page }) => {
  const odt = readFileSync(path.join(HERE, '../fixtures/import/committee-minutes.odt'));
  await call(page, app, 'importFile', { name: 'committee-minutes.odt', dataBase64: odt.toString('base64') });
  const csv =
    'Headline,Body,Body ID,Stance\n"Ferry operator adds early crossings","The ferry operator will add two early crossings on weekdays from June, the company said.",712,agree\n';
  await call(page, app, 'importCsv', {
    name: 'stances.csv',
    dataBase64: Buffer.from(csv).toString('base64'),
    mapping: { text: 'Body', title: 'Headline' },
  });
  // Loaded afresh: the page opened before the import, and its change feed may not have been connected yet.
  await page.reload();
  const notebook = new NotebookPage(page);

  await notebook.library.getByTestId('library-row').filter({ hasText: 'Water committee minutes' }).click();
  await notebook.waitForArticle();
  const details = page.getByTestId('import-details');
  await expect(details).toContainText('Import details: 2 notes');
  await details.locator('summary').click();
  await expect(details.getByRole('listitem')).toHaveText([
    'Comment in the document: Sam Reviewer: Check the date of the meeting.',
    '1 footnote was left out of the text.',
  ]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-notes.png` });

  await notebook.library.getByTestId('library-row').filter({ hasText: 'Ferry operator adds early crossings' }).click();
  await expect(details).toContainText('Import details: 2 source fields');
  await details.locator('summary').click();
  await expect(details.getByRole('term')).toHaveText(['Body ID', 'Stance']);
  await expect(details.getByRole('definition')).toHaveText(['712', 'agree']);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-source-fields.png` });
  expect(await seriousViolations(page)).toEqual([]);
});

test('plain text keeps its line breaks and aligned columns', async ({ app, page }) => {
  const text = [
    'Harbour strike: where the vote stands',
    '',
    'The dock workers voted again on Monday night after the operators made a new offer on automation, retraining and the timetable for new cranes.',
    '',
    'Terminal    For    Against',
    'North        412        96',
    'South        388       140',
    '',
    'Maria Okafor',
    'Chief negotiator',
    'Harbour Workers Union',
  ].join('\n');
  await call(page, app, 'importText', { text });
  // Loaded afresh: the page opened before the import, and its change feed may not have been connected yet.
  await page.reload();
  const notebook = new NotebookPage(page);
  await notebook.library.getByTestId('library-row').filter({ hasText: 'Harbour strike' }).click();
  await notebook.waitForArticle();
  const lines = notebook.articleBody.locator('p.article-paragraph--line');
  await expect(lines).toHaveText(['North        412        96', 'South        388       140', 'Chief negotiator', 'Harbour Workers Union']);
  if (SHOTS) await notebook.articleBody.screenshot({ path: `${SHOTS}/reader-plain-lines.png` });
});
