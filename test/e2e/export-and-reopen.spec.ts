import { readFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, startApp, makeDataDir } from './fixtures';
import { NotebookPage, sampleClaims } from './pages/notebook-page';

function decodeHtml(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function downloadBrief(page: Page, item: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export this article' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

test('export the brief as Markdown and as HTML: every sample quote is in each', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();

  const md = await downloadBrief(page, 'Brief as Markdown');
  expect(md.name).toMatch(/\.md$/);
  const html = await downloadBrief(page, 'Brief as HTML');
  expect(html.name).toMatch(/\.html?$/);
  const htmlText = decodeHtml(html.text);
  // Markdown may escape punctuation with backslashes; compare without them.
  const mdText = md.text.replace(/\\([\\`*_{}[\]()#+\-.!"'<>|~])/g, '$1');
  for (const claim of sampleClaims()) {
    expect(mdText, `Markdown brief lacks: ${claim.exact}`).toContain(claim.exact);
    expect(htmlText, `HTML brief lacks: ${claim.exact}`).toContain(claim.exact);
  }
  await expect(notebook.status).toContainText('Brief as HTML: saved as');
});

test('close and reopen over the same notebook: claims and notes are still there', async ({ page }) => {
  const dataDir = makeDataDir();
  try {
    const first = await startApp(dataDir);
    await page.goto(first.url);
    const notebook = new NotebookPage(page);
    await notebook.waitForArticle();
    const card = notebook.card('Taiwan independence is the biggest risk');
    await card.getByRole('button', { name: 'Edit claim' }).click();
    await notebook.claimEditor.getByLabel('Note').fill('Kept across restarts.');
    await page.keyboard.press('Control+Enter');
    await expect(card.getByTestId('claim-note')).toHaveText('Kept across restarts.');
    await notebook.card('miles apart').getByRole('button', { name: 'Delete claim' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete claim' }).click();
    await expect(notebook.claimCards).toHaveCount(9);
    await first.stop();

    const second = await startApp(dataDir);
    await page.goto(second.url);
    await notebook.waitForArticle();
    await expect(notebook.claimCards).toHaveCount(9);
    expect(await notebook.highlightedClaimIds()).toHaveLength(9);
    await expect(notebook.card('Taiwan independence is the biggest risk').getByTestId('claim-note')).toHaveText('Kept across restarts.');
    await expect(notebook.card('miles apart')).toHaveCount(0);
    await second.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
