import { mkdirSync } from 'node:fs';
import { call, test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.STANCEBOOK_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });
const SCS_PROPOSITION = "China's territorial claims and actions in the South China Sea";

test('positions: one clash per proposition on the sample, per-stance counts, propositions named, CSV', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  const view = page.getByTestId('positions-view');
  await expect(view.getByRole('status')).toHaveText('10 claims in 1 article');
  const table = view.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Issue', 'United States', 'China', 'Experts']);

  // Exactly one clash: the South China Sea proposition. Taiwan is two different propositions, not a clash.
  const clashes = view.getByRole('region', { name: 'Where actors clash' });
  await expect(clashes.getByRole('listitem')).toHaveCount(1);
  await expect(clashes.getByRole('listitem')).toHaveText(`South China Sea: ${SCS_PROPOSITION} — China strongly supports · United States opposes`);
  await expect(table.getByRole('row', { name: /South China Sea/ }).getByRole('rowheader')).toContainText('clash');
  // A side of the clash opens that actor's position in the drawer.
  await clashes.getByRole('button', { name: 'China strongly supports' }).click();
  await expect(page.getByTestId('position-detail').getByRole('heading', { level: 3 })).toHaveText('China on South China Sea');
  await page
    .getByTestId('position-detail')
    .getByRole('button', { name: /^Close/ })
    .click();
  await expect(page.getByTestId('position-detail')).toHaveCount(0);
  await expect(table.getByRole('row', { name: /^Taiwan/ }).getByRole('rowheader')).not.toContainText('clash');
  await expect(
    table.getByRole('button', { name: /^China on Taiwan: 1 strongly opposes\. 1 proposition: Taiwan independence \(strongly opposes\)$/ }),
  ).toBeVisible();
  await expect(
    table.getByRole('button', {
      name: /^United States on Taiwan: 1 supports\. 1 proposition: Peace and stability across the Taiwan Strait \(supports\)$/,
    }),
  ).toBeVisible();
  await expect(
    table.getByRole('button', {
      name: `China on South China Sea: 1 strongly supports. 1 proposition: ${SCS_PROPOSITION} (strongly supports). In a clash`,
    }),
  ).toBeVisible();

  // Per-stance counts, not "× 2", and the propositions named in the cell.
  const chinaOnAi = table.getByRole('button', { name: /^China on Artificial intelligence/ });
  await expect(chinaOnAi.locator('.position-count')).toHaveText(['1 supports', '1 opposes']);
  await expect(chinaOnAi).toContainText("US restrictions on China's development in AI");
  await expect(chinaOnAi).toContainText('A second round of intergovernmental dialogue on AI');
  await expect(table).not.toContainText('×');

  const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('positions.csv');
  await expect(page.getByRole('status').filter({ hasText: 'Positions as CSV: saved as positions.csv.' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/positions-1-table-1440.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard: one Tab stop in the table, arrow keys move between cells with claims.
  const first = table.getByRole('button', { name: /^United States on Taiwan/ });
  await expect(first).toHaveAttribute('tabindex', '0');
  // Tab from the filters passes the sides of the clash, then reaches the table's one Tab stop.
  await page.getByRole('button', { name: 'Export CSV' }).focus();
  await page.keyboard.press('Tab');
  await expect(clashes.getByRole('button', { name: 'China strongly supports' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(clashes.getByRole('button', { name: 'United States opposes' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(table.getByRole('button', { name: /^China on Taiwan/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(table.getByRole('button', { name: /^China on South China Sea/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  // Trade has no China cell: Down skips to the next row that has one.
  await expect(chinaOnAi).toBeFocused();
  await page.keyboard.press('Home');
  await expect(table.getByRole('button', { name: /^United States on Artificial intelligence/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(chinaOnAi).toBeFocused();
  await expect(table.locator('.position-cell[tabindex="0"]')).toHaveCount(1);

  // Enter opens the position in a drawer beside the table (not over it); focus goes to it, Esc brings it back.
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('position-detail');
  await expect(detail.getByRole('heading', { level: 3 })).toHaveText('China on Artificial intelligence');
  await expect(detail.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(detail).toContainText('2 claims: 1 supports · 1 opposes');
  await expect(detail.getByRole('list', { name: /^Claims of China/ }).getByRole('listitem')).toHaveCount(2);
  const wrap = view.getByRole('region', { name: 'Positions table' });
  const [wrapBox, detailBox] = [await wrap.boundingBox(), await detail.boundingBox()];
  expect(detailBox!.x).toBeGreaterThanOrEqual(wrapBox!.x + wrapBox!.width - 1);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(chinaOnAi).toBeFocused();
});

test('positions at 1024×700: sticky header row and issue column, the drawer beside the table, a claim one click from the article', async ({
  app,
  page,
}) => {
  void app;
  await page.setViewportSize({ width: 1024, height: 700 });
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  const view = page.getByTestId('positions-view');
  const table = view.getByRole('table');
  const scs = table.getByRole('row', { name: /South China Sea/ });
  await scs.getByRole('button', { name: /^United States on South China Sea/ }).click();
  const detail = page.getByTestId('position-detail');
  await expect(detail.getByRole('heading', { level: 3 })).toHaveText('United States on South China Sea');
  await expect(detail.getByRole('list', { name: /^Claims of/ }).getByRole('listitem')).toHaveCount(1);
  await expect(detail).toContainText('Sullivan expressed concerns');
  await expect(detail.getByRole('button', { name: SCS_PROPOSITION })).toBeVisible();
  await expect(scs.getByRole('button', { name: /^United States on South China Sea/ })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: `${SHOTS}/positions-2-drawer-1024.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // The table scrolls under its header row and issue column, which stay where they are.
  const wrap = view.getByRole('region', { name: 'Positions table' });
  const scrolled = await wrap.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    el.scrollTop = el.scrollHeight;
    return { left: el.scrollLeft, top: el.scrollTop };
  });
  expect(scrolled.left).toBeGreaterThan(0);
  const wrapBox = (await wrap.boundingBox())!;
  const rowHeader = (await scs.getByRole('rowheader').boundingBox())!;
  const columnHeader = (await table.getByRole('columnheader', { name: 'Experts' }).boundingBox())!;
  expect(Math.abs(rowHeader.x - wrapBox.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(columnHeader.y - wrapBox.y)).toBeLessThanOrEqual(2);
  await page.screenshot({ path: `${SHOTS}/positions-3-scrolled-1024.png` });

  // The article title opens the claim in the reader.
  await detail.getByRole('button', { name: /^US, China agree to expand military contact/ }).click();
  await expect(page.getByRole('main', { name: 'Article' })).toBeVisible();
  await expect(notebook.claimCards.filter({ hasText: 'Sullivan expressed concerns' })).toHaveAttribute('aria-current', 'true');

  // A date range with no articles empties the table and says why.
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  await view.getByLabel('From', { exact: true }).fill('2030-01-01');
  await expect(view.getByText('No claims with an actor in these articles.', { exact: false })).toBeVisible();
  await view.getByRole('button', { name: 'Clear' }).click();
  await expect(view.getByRole('status')).toHaveText('10 claims in 1 article');
});

test('positions over time: later articles shift a stance on the same proposition; the drawer draws it per month', async ({ app, page }) => {
  const codebook = await call<{
    actors: { id: string; name: string }[];
    issues: { id: string; name: string }[];
    stances: { id: string; label: string }[];
  }>(page, app, 'getCodebook', {});
  const us = codebook.actors.find((a) => a.name === 'United States')!.id;
  const trade = codebook.issues.find((i) => i.name === 'Trade and economic policy')!.id;
  const stanceId = (label: string) => codebook.stances.find((s) => s.label === label)!.id;
  const proposition = "China's trade policies and non-market economic practices";
  for (const [date, words, stance] of [
    ['2025-02-10', 'Washington said it was ready to discuss Chinese trade practices with Beijing.', 'neutral'],
    ['2025-06-02', 'Washington said it now welcomed Beijing’s trade reforms.', 'supports'],
  ] as const) {
    const { articleId } = await call<{ articleId: string }>(page, app, 'importText', { title: `Trade, ${date}`, text: words });
    await call(page, app, 'updateArticleMeta', { id: articleId, patch: { publishedAt: date, source: 'Trade Wire' } });
    await call(page, app, 'createClaim', {
      articleId,
      start: 0,
      end: words.length - 1,
      coding: { actorIds: [us], issueId: trade, stanceId: stanceId(stance), proposition },
    });
  }
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  const view = page.getByTestId('positions-view');
  const cell = view.getByRole('button', {
    name: `United States on Trade and economic policy: 1 supports · 1 neutral · 1 opposes. 1 proposition: ${proposition} (supports). shifted opposes → supports on ${proposition}`,
  });
  await expect(cell).toContainText('shifted opposes → supports');
  await cell.click();
  const detail = page.getByTestId('position-detail');
  await expect(
    detail.getByRole('img', { name: 'Stance over time, by month: Dec 2024: 1 opposes; Feb 2025: 1 neutral; Jun 2025: 1 supports' }),
  ).toBeVisible();
  await expect(detail.locator('.stance-timeline__dot')).toHaveCount(3);
  await expect(detail.getByRole('list', { name: /^Claims of/ }).getByRole('listitem')).toHaveCount(3);
  await expect(detail).toContainText('shifted opposes → supports, 21 Dec 2024 to 2 Jun 2025');
  await page.screenshot({ path: `${SHOTS}/positions-4-over-time-1440.png` });
  // Only 2025: the position starts from the neutral statement.
  await view.getByLabel('From', { exact: true }).fill('2025-01-01');
  await expect(
    view.getByRole('button', { name: /^United States on Trade and economic policy: 1 supports · 1 neutral\. .* shifted neutral → supports/ }),
  ).toBeVisible();
  // One outlet: only its articles' claims; the sample's actors and issues leave the table.
  await view.getByLabel('From', { exact: true }).fill('');
  await view.getByLabel('Source').selectOption('Trade Wire');
  await expect(view.getByRole('status')).toHaveText('2 claims in 2 articles');
  await expect(view.getByRole('button', { name: /^China on / })).toHaveCount(0);
});
