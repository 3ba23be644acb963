import type { Page } from '@playwright/test';
import { test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.SHOTS_DIR;
const TAIWAN_PARAGRAPH = 'The two sides also discussed the issue of Taiwan';
const NEW_PLACE =
  'The US and China remain locked in a competitive relationship, with deep-seated differences on issues such as the South China Sea, Taiwan, and economic policies.';

/** Opens Edit text, lets `change` rewrite the text, saves. */
async function editText(page: Page, change: (text: string) => string) {
  await page.getByRole('button', { name: /^Edit text/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Edit the text of/ });
  const area = dialog.getByRole('textbox', { name: /^Text/ });
  await area.fill(change(await area.inputValue()));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/edit-text.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Save text' }).click();
  await expect(dialog).toBeHidden();
}

test('edit the text: the Taiwan paragraph goes, a word in a quote is fixed; orphans are reviewed, one deleted, one re-selected', async ({
  app,
  page,
}) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(notebook.claimCards).toHaveCount(10);

  await editText(page, (text) => {
    const lines = text.split('\n');
    const without = lines.filter((line) => !line.startsWith(TAIWAN_PARAGRAPH));
    expect(without).toHaveLength(lines.length - 1);
    // "safeguarding" becomes "protecting" inside the quote of Wang Yi's South China Sea claim.
    return without.join('\n').replace('firmly committed to safeguarding', 'firmly committed to protecting');
  });
  await expect(notebook.status).toContainText('Text saved as revision 2: 2 claims exact, 6 relocated, 2 orphaned.');

  // The banner counts what happened, and the review is open because claims were lost.
  const banner = page.getByTestId('anchor-banner');
  await expect(banner).toContainText('2 claims lost their place when the text was edited.');
  // Claims after the cut moved, so they count as relocated, each with its score.
  await expect(banner).toContainText('6 claims were found again nearby');
  const review = page.getByTestId('orphan-review');
  const orphans = review.getByTestId('orphan-card');
  await expect(orphans).toHaveCount(2);
  const independence = orphans.filter({ hasText: 'Taiwan independence is the biggest risk' });
  await expect(independence.locator('mark')).toHaveText(['Taiwan independence is the biggest risk to peace and stability in the Taiwan Strait']);
  await expect(independence).toContainText('Before the edit');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/orphans-review.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // The relocated claim says so on its card, with its score.
  await expect(notebook.card('China is firmly committed').locator('.anchor-badge')).toHaveText(/relocated \d+%/);
  // The sidebar's anchor filter reaches the orphans.
  await notebook.sidebar.getByRole('button', { name: /^Filters/ }).click();
  await notebook.sidebar.getByLabel('Anchor').selectOption('orphaned');
  await expect(notebook.claimCards).toHaveCount(2);
  await notebook.sidebar.getByRole('button', { name: 'Clear filters' }).click();

  // The Notebook menu lists the notebook's orphans by article, and opens the article.
  await page.getByRole('button', { name: /^Notebook:/ }).click();
  await page.getByRole('menuitem', { name: 'Claims to re-anchor…' }).click();
  const overview = page.getByTestId('orphans-overview');
  await expect(overview).toContainText('left 2 claims without a confident place');
  await expect(overview.locator('q')).toHaveCount(2);
  await expect(overview.locator('q', { hasText: 'Taiwan independence is the biggest risk to peace and stability in the Taiwan Strait' })).toHaveCount(
    1,
  );
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/orphans-overview.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await overview.getByRole('button', { name: /^US, China agree/ }).click();
  await expect(overview).toBeHidden();
  await expect(orphans).toHaveCount(2);

  // One orphan deleted.
  await independence.getByRole('button', { name: 'Delete claim' }).click();
  await expect(notebook.status).toContainText('Orphaned claim deleted');
  await expect(orphans).toHaveCount(1);
  await expect(notebook.claimCards).toHaveCount(9);
  await expect(banner).toContainText('1 claim lost its place');

  // The other re-selected: start, select a sentence in the reader with the keyboard, confirm.
  const peace = orphans.filter({ hasText: 'maintaining peace and stability across the Taiwan Strait' });
  const peaceId = (await peace.getAttribute('data-claim-id')) ?? '';
  await peace.getByRole('button', { name: 'Re-select in the article…' }).click();
  const bar = page.getByTestId('reselect-bar');
  await expect(bar).toBeVisible();
  await notebook.caretToParagraph('While both sides described');
  // Alt+→ goes to the end of the first sentence, → steps into the second; S selects it.
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('s');
  await expect(bar.getByTestId('reselect-selection')).toHaveText(NEW_PLACE.slice(0, 89) + '…');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/orphans-reselect.png` });
  await page.keyboard.press('Control+Enter');
  await expect(bar).toBeHidden();
  await expect(notebook.claimEditor).toBeHidden();
  await expect(notebook.status).toContainText('Claim placed on “The US and China remain locked');
  await expect(notebook.highlightsOf(peaceId)).toHaveText([NEW_PLACE.replace(/\.$/, '')].map((s) => new RegExp(`^${s.slice(0, 40)}`)));
  // Placed exactly again: the card shows no anchor badge (a badge appears only when an anchor is not exact).
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${peaceId}"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${peaceId}"] .anchor-badge`)).toHaveCount(0);

  // No orphans left: the banner speaks only of the relocated claim.
  await expect(orphans).toHaveCount(0);
  await expect(banner).not.toContainText('lost');
  await expect(banner).toContainText('6 claims were found again nearby');

  // The earlier text is listed as revision 1.
  await page.getByRole('button', { name: /^Edit text/ }).click();
  const table = page.getByTestId('revision-table');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr td').first()).toHaveText('1');
  await expect(table).toContainText('characters');
  await expect(page.getByRole('dialog')).toContainText('now revision 2');
});

test('accepting the closest passage places an orphan there', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  // The quote rewritten past recognition between its old neighbours, and grown to twice its length:
  // orphaned, and the rewritten stretch between those neighbours is offered as the closest passage.
  // (A rewrite of about the quote's length there is now placed for review instead, by its old
  // place: decision 0013.)
  const rewrite =
    'any Taiwanese bid for separation would be the gravest danger to calm across the Strait, which both sides have long tried to keep quiet through patient diplomacy';
  await editText(page, (text) => text.replace('Taiwan independence is the biggest risk to peace and stability in the Taiwan Strait', rewrite));
  const orphan = page.getByTestId('orphan-card').filter({ hasText: 'Taiwan independence is the biggest risk' });
  await expect(orphan).toContainText(/Closest passage now · \d+% alike/);
  await expect(orphan.locator('mark').nth(1)).toHaveText(rewrite);
  const id = (await orphan.getAttribute('data-claim-id')) ?? '';
  await orphan.getByRole('button', { name: 'Accept this passage' }).click();
  await expect(notebook.status).toContainText('Claim placed on the closest passage');
  await expect(notebook.highlightsOf(id).first()).toContainText('Taiwanese bid for separation');
  await expect(page.getByTestId('orphan-card')).toHaveCount(0);
});
