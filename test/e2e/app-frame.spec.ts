import type { Page } from '@playwright/test';
import { call, test, expect, type RunningApp } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

/** The app frame: navigation, trash and deletion, the welcome, layout and theme. */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const viewButton = (page: Page, name: string) => nav(page).getByRole('button', { name: new RegExp(`^${name}`) });

async function addArticle(page: Page, app: RunningApp, title: string): Promise<string> {
  const text = `${title}\n\nOfficials met on Tuesday to discuss the talks.\n\nBoth sides said the meeting was useful.`;
  const { articleId } = await call<{ articleId: string }>(page, app, 'importText', { text, title });
  return articleId;
}

async function briefCiting(page: Page, app: RunningApp, title: string, claimId: string, articleId: string): Promise<void> {
  await call(page, app, 'createBrief', { title, doc: { type: 'doc', content: [{ type: 'claimCitation', attrs: { claimId, articleId } }] } });
}

test('regression: with Codebook, Briefs or Positions open, a library click or Alt+2 shows the article', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await addArticle(page, app, 'Second article on the talks');
  const rows = notebook.library.getByTestId('library-row');
  await expect(rows).toHaveCount(2);

  for (const view of ['Codebook', 'Briefs', 'Positions', 'Networks']) {
    await viewButton(page, view).click();
    await expect(viewButton(page, view)).toHaveAttribute('aria-current', 'page');
    await expect(notebook.articleBody).toBeHidden();
    // Clicking the article that is already open shows it too.
    await rows.filter({ hasText: 'US, China agree' }).click();
    await expect(viewButton(page, 'Reader')).toHaveAttribute('aria-current', 'page');
    await expect(notebook.reader.getByRole('heading', { level: 1 })).toContainText('US, China agree');

    await viewButton(page, view).click();
    await rows.filter({ hasText: 'Second article' }).click();
    await expect(notebook.reader.getByRole('heading', { level: 1 })).toHaveText('Second article on the talks');

    await viewButton(page, view).click();
    await expect(notebook.articleBody).toBeHidden();
    await page.keyboard.press('Alt+2');
    await expect(notebook.articleBody).toBeFocused();
    await expect(notebook.reader.getByRole('heading', { level: 1 })).toHaveText('Second article on the talks');
    await rows.filter({ hasText: 'US, China agree' }).click();
  }

  // Alt+3 from a view without the claims pane shows the reader with the claims.
  await viewButton(page, 'Positions').click();
  await expect(notebook.sidebar).toBeHidden();
  await page.keyboard.press('Alt+3');
  await expect(viewButton(page, 'Reader')).toHaveAttribute('aria-current', 'page');
  // Focus is in the claims (the selected card, or the filter when no card is drawn to take it).
  await expect(notebook.sidebar.locator(':focus')).toHaveCount(1);
});

test('the segmented nav: every view one click or G+letter away, the current one marked, shortcuts in the help', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(nav(page).getByRole('button')).toHaveText(['Reader', 'Positions', 'Networks', 'Codebook', 'Briefs', 'Agreement', 'Trash', 'Sync']);
  await notebook.articleBody.click();
  for (const [key, view, shown] of [
    ['p', 'Positions', page.getByRole('main', { name: 'Positions' })],
    ['n', 'Networks', page.getByRole('main', { name: 'Networks' })],
    ['c', 'Codebook', page.getByTestId('codebook-view')],
    ['b', 'Briefs', page.getByRole('main', { name: 'Briefs' })],
    ['a', 'Agreement', page.getByTestId('agreement-view')],
    ['t', 'Trash', page.getByTestId('trash-view')],
    ['s', 'Sync', page.getByRole('main', { name: 'Sync' })],
    ['r', 'Reader', notebook.articleBody],
  ] as const) {
    await page.keyboard.press('g');
    await page.keyboard.press(key);
    await expect(viewButton(page, view)).toHaveAttribute('aria-current', 'page');
    await expect(shown).toBeVisible();
    await expect(nav(page).locator('[aria-current="page"]')).toHaveCount(1);
  }
  // The claim shortcut still works on its own: C without G is not a view key.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('G then T');
  await expect(help).toContainText('Show the Reader, Positions, Networks, Codebook, Briefs, Agreement, Trash or Sync');
});

test('the reader remembers its place: the article and where it was scrolled, across views and a restart', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const scroller = page.locator('.reader-scroll');
  await scroller.evaluate((el) => el.scrollTo(0, 600));
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(600);

  // Stored as the reader is left, whether or not the browser reported the scroll (Chromium on a
  // busy machine sometimes does not for a scroll made by script).
  await viewButton(page, 'Positions').click();
  await expect(notebook.articleBody).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('stancebook.readerPlaces'))).toContain(':600');
  await viewButton(page, 'Reader').click();
  await notebook.waitForArticle();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(600);

  await page.goto(app.url);
  await notebook.waitForArticle();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(600);
});

test('deleting an article from the library asks first, names the briefs citing it, and Undo brings it back', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const { article, claims } = await call<{ article: { id: string }; claims: { id: string }[] }>(page, app, 'getArticle', {
    id: (await call<{ id: string }[]>(page, app, 'listArticles', {}))[0]!.id,
  });
  await briefCiting(page, app, 'Week 35 readout', claims[0]!.id, article.id);

  const row = notebook.library.getByTestId('library-row').first();
  await notebook.library.getByRole('button', { name: /^Delete “US, China agree/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this article?' });
  await expect(dialog).toContainText('and its 10 claims go to the notebook’s trash');
  await expect(dialog.getByTestId('cited-warning')).toHaveText(/Its claims are cited in 1 brief: “Week 35 readout”/);
  // Keep it: nothing happens.
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(row).toBeVisible();

  // The keyboard path: Delete on a focused library row asks too; Enter confirms.
  await row.focus();
  await page.keyboard.press('Delete');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(0);
  await expect(viewButton(page, 'Trash')).toHaveAccessibleName(/Trash.*1 item/);
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('and its claims moved to the trash');

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(1);
  await notebook.waitForArticle();
  await expect(notebook.claimCards).toHaveCount(10);
  await expect(page.getByTestId('toast')).toContainText('restored');
});

test('deleting a claim a brief cites warns "cited in N briefs"; the toast’s Undo puts it back', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const id = (await call<{ id: string }[]>(page, app, 'listArticles', {}))[0]!.id;
  const { claims } = await call<{ claims: { id: string; target: { quote: { exact: string } } }[] }>(page, app, 'getArticle', { id });
  const cited = claims.find((c) => c.target.quote.exact.startsWith('Taiwan independence'))!;
  await briefCiting(page, app, 'Strait watch', cited.id, id);
  await briefCiting(page, app, 'Cross-strait notes', cited.id, id);

  const card = notebook.card('Taiwan independence is the biggest risk');
  await card.getByRole('button', { name: 'Delete claim' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this claim?' });
  await expect(dialog.getByTestId('cited-warning')).toHaveText(/This claim is cited in 2 briefs: “Cross-strait notes”, “Strait watch”/);
  await dialog.getByRole('button', { name: 'Delete claim' }).click();
  await expect(notebook.claimCards).toHaveCount(9);

  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(notebook.claimCards).toHaveCount(10);
  await expect(card).toBeVisible();
});

test('the Trash view lists deleted articles, claims and briefs; restores each; empties after asking', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const second = await addArticle(page, app, 'A second article');
  await call(page, app, 'deleteArticle', { id: second });
  const brief = await call<{ id: string }>(page, app, 'createBrief', { title: 'Old draft' });
  await call(page, app, 'deleteBrief', { id: brief.id });
  await notebook.card('Taiwan independence is the biggest risk').getByRole('button', { name: 'Delete claim' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete claim' }).click();

  await viewButton(page, 'Trash').click();
  const items = page.getByTestId('trash-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveAttribute('data-kind', 'claim');
  await expect(items.nth(0)).toContainText('Taiwan independence is the biggest risk');
  await expect(items.nth(0)).toContainText('from “US, China agree');
  await expect(page.getByTestId('trash-view')).toContainText('3 items');

  // Restore the claim: it is back in its article, one click from the toast.
  await items
    .nth(0)
    .getByRole('button', { name: /^Restore claim/ })
    .click();
  await expect(items).toHaveCount(2);
  await page.getByTestId('toast').getByRole('button', { name: 'Open it' }).click();
  await expect(viewButton(page, 'Reader')).toHaveAttribute('aria-current', 'page');
  await expect(notebook.claimCards).toHaveCount(10);

  await viewButton(page, 'Trash').click();
  await items
    .filter({ hasText: 'Old draft' })
    .getByRole('button', { name: /^Restore brief/ })
    .click();
  await expect(items).toHaveCount(1);
  expect((await call<{ title: string }[]>(page, app, 'listBriefs', {})).map((b) => b.title)).toEqual(['Old draft']);

  await page.getByRole('button', { name: 'Empty the trash…' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Empty the trash?' });
  await expect(ask).toContainText('1 item will be removed for good');
  await ask.getByRole('button', { name: 'Empty the trash' }).click();
  await expect(page.getByTestId('trash-view')).toContainText('The trash is empty.');
  expect(await call<unknown[]>(page, app, 'listTrash', {})).toEqual([]);

  // Backups: take one now; it is listed.
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-item').first()).toBeVisible();
});

test('first run: the welcome on the sample explains actor, issue and stance, opens Positions, and stays dismissed', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toContainText('actor');
  await expect(welcome).toContainText('issue');
  await expect(welcome).toContainText('stance');
  await expect(welcome).toContainText('press C');
  await welcome.getByRole('button', { name: 'Open Positions' }).click();
  await expect(viewButton(page, 'Positions')).toHaveAttribute('aria-current', 'page');
  await viewButton(page, 'Reader').click();
  await welcome.getByRole('button', { name: 'Got it' }).click();
  await expect(welcome).toBeHidden();
  await page.goto(app.url);
  await notebook.waitForArticle();
  await expect(page.getByTestId('welcome')).toBeHidden();
  // The standfirst is the first paragraph of the sample: shown once, as that paragraph.
  await expect(page.locator('.article-standfirst')).toHaveCount(0);
});

test('at 1024×700 the library is a drawer (button, Alt+1, Escape), panes collapse and resize, nothing is cut off', async ({ app, page }) => {
  void app;
  await page.setViewportSize({ width: 1024, height: 700 });
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(notebook.library).toBeHidden();
  const libraryButton = page.getByRole('banner').getByRole('button', { name: 'Library', exact: true });
  await libraryButton.click();
  await expect(notebook.library).toBeVisible();
  await expect(libraryButton).toHaveAttribute('aria-expanded', 'true');
  await notebook.library.getByTestId('library-row').click();
  await expect(notebook.library).toBeHidden();

  await notebook.articleBody.click();
  await page.keyboard.press('Alt+1');
  await expect(notebook.library.getByTestId('library-row')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(notebook.library).toBeHidden();

  // The claims list scrolls, so the last card's Delete button can be reached and is on screen.
  const lastDelete = notebook.claimCards.last().getByRole('button', { name: 'Delete claim' });
  await page.getByTestId('claim-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(lastDelete).toBeInViewport({ ratio: 1 });
  const box = (await lastDelete.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1024);

  // Collapse and bring back the claims; resize them from the keyboard on the separator.
  const claimsToggle = page.getByRole('banner').getByRole('button', { name: 'Claims', exact: true });
  await claimsToggle.click();
  await expect(notebook.sidebar).toBeHidden();
  await claimsToggle.click();
  await expect(notebook.sidebar).toBeVisible();
  const width = async () => (await notebook.sidebar.boundingBox())!.width;
  const before = await width();
  await page.getByRole('separator', { name: 'Resize the claims' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(width).toBeGreaterThan(before);
});

test('at 1440×900 the library is a pane that collapses and comes back', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(notebook.library).toBeVisible();
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Library', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(notebook.library).toBeHidden();
  await page.keyboard.press('Alt+1');
  await expect(notebook.library.getByTestId('library-row')).toBeFocused();
});

test('the brief title is not cut to a few letters at 1024×700', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await call(page, app, 'createBrief', { title: 'Weekly readout: US–China talks in Beijing' });
  await viewButton(page, 'Briefs').click();
  const title = page.getByRole('textbox', { name: /title/i }).first();
  await expect(title).toHaveValue('Weekly readout: US–China talks in Beijing');
  // The whole title fits its field.
  expect(await title.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
});

test('dark theme follows the system until a choice is made in the app bar; the choice is remembered', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await notebook.waitForArticle();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const paper = () => page.locator('.reader-pane').evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await paper();

  await page.getByRole('button', { name: /^Theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await paper()).not.toBe(light);
  await page.goto(app.url);
  await notebook.waitForArticle();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // The keyboard path to the menu, back to following the system.
  await page.getByRole('button', { name: /^Theme/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitemradio', { name: 'Follow the system' }).press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
