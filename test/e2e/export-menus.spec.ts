import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, seriousViolations } from './fixtures';
import { NotebookPage, sampleClaims } from './pages/notebook-page';

const SHOTS = process.env.STANCEBOOK_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

/** Opens a menu by its button, picks an item by keyboard-free click, and returns the download. */
async function exportFrom(page: Page, menu: string, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: menu }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('menuitem', { name: item }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test("the article's Export menu: brief, highlighted article and claims in every format", async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const quotes = sampleClaims().map((c) => c.exact);

  await page.getByRole('button', { name: 'Export this article' }).click();
  const menu = page.getByRole('menu', { name: 'Export this article' });
  await expect(menu.getByRole('menuitem')).toHaveCount(10);
  await page.screenshot({ path: `${SHOTS}/export-1-article-menu.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export this article' })).toBeFocused();

  // By keyboard: open, pick; focus comes back to the button, which stays focusable while the export runs.
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  const [keyed] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(keyed.suggestedFilename()).toMatch(/-brief\.md$/);
  await expect(page.getByRole('button', { name: 'Export this article' })).toBeFocused();

  const md = await exportFrom(page, 'Export this article', 'Brief as Markdown');
  expect(md.name).toMatch(/-brief\.md$/);
  const mdText = md.bytes.toString('utf8').replace(/\\([\\`*_{}[\]()#+\-.!"'<>|~&])/g, '$1');
  for (const quote of quotes) expect(mdText).toContain(quote);
  await expect(notebook.status).toContainText('Brief as Markdown: saved as');

  const pdf = await exportFrom(page, 'Export this article', 'Brief as PDF');
  expect(pdf.name).toMatch(/-brief\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const docx = await exportFrom(page, 'Export this article', 'Article as Word');
  expect(docx.name).toMatch(/-annotated\.docx$/);
  expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
  const w3c = await exportFrom(page, 'Export this article', 'Claims as W3C Web Annotation');
  const collection = JSON.parse(w3c.bytes.toString('utf8'));
  expect(collection.total).toBe(quotes.length);
  const qdpx = await exportFrom(page, 'Export this article', 'Claims as REFI-QDA project');
  expect(qdpx.bytes.subarray(0, 2).toString()).toBe('PK');
});

test('the Notebook menu: all claims, codebook, archive, and importing annotations back with a report', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();

  const csv = await exportFrom(page, 'Notebook: export, import annotations, archive, review', 'All claims as CSV spreadsheet');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.bytes.toString('utf8').trim().split('\n').length).toBeGreaterThanOrEqual(11);
  const qdc = await exportFrom(page, 'Notebook: export, import annotations, archive, review', 'Codebook as REFI-QDA');
  expect(qdc.bytes.toString('utf8')).toContain('<CodeBook');
  const archive = await exportFrom(page, 'Notebook: export, import annotations, archive, review', 'Archive the whole notebook');
  expect(archive.name).toMatch(/^stancebook-notebook-\d{4}-\d\d-\d\d\.zip$/);
  expect(archive.bytes.subarray(0, 2).toString()).toBe('PK');

  // Restore that archive: a new notebook in a folder beside this one; this one does not change.
  await page.getByRole('button', { name: 'Notebook: export, import annotations, archive, review' }).click();
  const [zipChooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Restore an archive…' }).click()]);
  await zipChooser.setFiles({ name: archive.name, mimeType: 'application/zip', buffer: archive.bytes });
  const done = page.getByTestId('restore-done');
  await expect(done.getByTestId('restore-summary')).toContainText('1 article, 10 claims and 0 briefs are now a new notebook in');
  const restoredDir = (await done.getByTestId('restore-dir').textContent()) ?? '';
  try {
    expect(path.dirname(restoredDir)).toBe(path.dirname(app.dataDir));
    expect(path.basename(restoredDir)).toMatch(new RegExp(`^${path.basename(app.dataDir)}-restored-\\d{4}-\\d\\d-\\d\\d$`));
    expect(existsSync(path.join(restoredDir, 'notebook.json'))).toBe(true);
    await expect(done.getByTestId('restore-command')).toHaveValue(`npm start -- --data ${restoredDir}`);
    await page.screenshot({ path: `${SHOTS}/export-4-restore.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await done.getByRole('button', { name: 'Done' }).click();
    await expect(done).toBeHidden();
    await expect(page.getByTestId('article-facts')).toContainText('10 claims');
  } finally {
    rmSync(restoredDir, { recursive: true, force: true });
  }

  // Export the claims as W3C, delete one, and import the file back: one placed, the rest already here.
  const w3c = await exportFrom(page, 'Notebook: export, import annotations, archive, review', 'All claims as W3C Web Annotation');
  const facts = page.getByTestId('article-facts');
  await notebook.claimCards.first().click();
  await page.keyboard.press('Delete');
  await page
    .getByRole('alertdialog', { name: 'Delete this claim?' })
    .getByRole('button', { name: /Delete/ })
    .click();
  await expect(facts).toContainText('9 claims');

  await page.getByRole('button', { name: 'Notebook: export, import annotations, archive, review' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Import annotations…' }).click()]);
  await chooser.setFiles({ name: 'claims.jsonld', mimeType: 'application/ld+json', buffer: w3c.bytes });
  const report = page.getByTestId('annotation-import-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('annotation-import-summary')).toHaveText('1 claim placed on its article; 9 annotations skipped.');
  await page.screenshot({ path: `${SHOTS}/export-2-import-report.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(facts).toContainText('10 claims');

  // A file that is not W3C annotations is refused with a reason, and nothing changes.
  await page.getByRole('button', { name: 'Notebook: export, import annotations, archive, review' }).click();
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Import annotations…' }).click()]);
  await again.setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(notebook.alert).toContainText('“notes.json” could not be imported');
  await expect(facts).toContainText('10 claims');
});

test("the brief editor's Export menu: the brief as written, with sourced citations", async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await page.getByRole('button', { name: 'Draft from articles…' }).click();
  await page.getByTestId('generate-brief').getByRole('button', { name: 'Draft brief' }).click();
  await expect(page.getByTestId('brief-citation')).toHaveCount(10);
  // The last words typed are in the export: it saves first.
  await page.getByTestId('brief-body').locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Typed just before exporting.');

  const md = await exportFrom(page, 'Export this brief', 'Brief as Markdown');
  const text = md.bytes.toString('utf8');
  expect(text).toContain('Typed just before exporting.');
  expect(text.match(/^\[\^\d+\]: /gm)).toHaveLength(10);
  const plain = text.replace(/\\([\\`*_{}[\]()#+\-.!"'<>|~&])/g, '$1');
  for (const claim of sampleClaims()) expect(plain).toContain(claim.exact);
  const docx = await exportFrom(page, 'Export this brief', 'Brief as Word');
  expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
  await page.getByRole('button', { name: 'Export this brief' }).click();
  await page.screenshot({ path: `${SHOTS}/export-3-brief-menu.png` });
  expect(await seriousViolations(page)).toEqual([]);
});
