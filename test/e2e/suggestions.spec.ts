import { test, expect, call, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.SHOTS_DIR;

interface Suggestions {
  suggestions: { id: string; speaker: string; quote: string }[];
  rejectedCount: number;
}

test('claim suggestions on the sample: dashed underlines, reject and accept with the keyboard, accept all by a speaker', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const [article] = await call<{ id: string }[]>(page, app, 'listArticles', {});
  const articleId = article!.id;
  // Free two of Wang Yi's statements the sample has coded, so the suggester proposes them.
  const { claims } = await call<{ claims: { id: string; target: { quote: { exact: string } } }[] }>(page, app, 'getArticle', { id: articleId });
  for (const text of ['China is firmly committed', 'Taiwan independence is the biggest risk']) {
    const claim = claims.find((c) => c.target.quote.exact.includes(text));
    expect(claim, text).toBeTruthy();
    await call(page, app, 'deleteClaim', { articleId, id: claim!.id });
  }
  // The sidebar's list is virtualised: count claims by its heading, not by drawn cards.
  const claimCount = (n: number) => expect(notebook.sidebar).toContainText(`${n} claims in text order`);
  await claimCount(claims.length - 2);

  const before = await call<Suggestions>(page, app, 'getSuggestions', { articleId });
  const bySpeaker = (name: string) => before.suggestions.filter((s) => s.speaker === name);
  expect(bySpeaker('Wang Yi').length).toBe(2);
  expect(bySpeaker('Experts').length).toBe(2);

  const panel = page.getByRole('region', { name: 'Suggested claims' });
  const review = panel.getByRole('button', { name: `Review ${before.suggestions.length} suggested claims` });
  await expect(review).toBeVisible();
  // Every pending suggestion is underlined in the text (a CSS custom highlight per suggestion).
  await expect
    .poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('suggestion')?.size ?? 0))
    .toBe(before.suggestions.length);

  await review.click();
  await expect(panel).toBeFocused();
  await expect(panel).toContainText(`Suggestion 1 of ${before.suggestions.length}`);
  await expect(panel.locator('blockquote')).toContainText('China is firmly committed');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/suggestions-open.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // E opens the claim editor on the span, with the suggested coding filled in; Escape leaves it be.
  await page.keyboard.press('e');
  await expect(notebook.claimEditor).toBeVisible();
  await expect(notebook.claimEditor.getByLabel('Speaker, as named in the text')).toHaveValue('Wang Yi');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/suggestions-edit.png` });
  await page.keyboard.press('Escape');
  await expect(notebook.claimEditor).toBeHidden();
  await panel.focus();

  // R rejects the current suggestion; the next one becomes current.
  await page.keyboard.press('r');
  await expect(panel).toContainText(`Suggestion 1 of ${before.suggestions.length - 1}`);
  await expect(panel.locator('blockquote')).toContainText('Taiwan independence is the biggest risk');

  // A accepts it: a claim with the speaker and the actor (China, by the alias "Wang Yi") and issue.
  await page.keyboard.press('a');
  await claimCount(claims.length - 1);
  const accepted = notebook.card('Taiwan independence is the biggest risk');
  await expect(accepted).toContainText('China');
  await expect(accepted).toContainText('Taiwan');
  await expect(panel).toContainText(`of ${before.suggestions.length - 2}`);

  // Accept all by Experts: both in one step.
  await panel.getByRole('button', { name: 'Accept all 2 by Experts' }).click();
  await claimCount(claims.length + 1);
  await expect(panel.getByRole('button', { name: 'No suggested claims' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/suggestions-done.png` });

  // One undo step takes back the bulk accept, and the suggestions come back.
  await expect(page.getByTestId('undo-button')).toHaveAccessibleName('Undo Accept 2 suggestions');
  await page.keyboard.press('Control+z');
  await claimCount(claims.length - 1);
  await expect(panel.getByRole('button', { name: 'Suggested claims (2)' })).toBeVisible();
  await expect(page.getByTestId('undo-button')).toHaveAccessibleName('Undo Accept suggestion');

  // The rejection is remembered when the suggester runs again.
  const rerun = await call<Suggestions>(page, app, 'runSuggester', { articleId });
  expect(rerun.rejectedCount).toBe(1);
  expect(rerun.suggestions.some((s) => s.quote.includes('China is firmly committed'))).toBe(false);
});

test('new articles are suggested in the background, unless the setting is off', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const state = async (articleId: string) =>
    (await call<{ articleId: string; state: string }[]>(page, app, 'listSuggestionStatus', {})).find((s) => s.articleId === articleId)?.state;
  const text = (who: string) => `Talks resume\n\nThe ${who} ministry said on Monday that the talks would resume in March.\n`;

  const first = await call<{ articleId: string }>(page, app, 'importText', { text: text('trade'), title: 'Talks resume' });
  await expect.poll(() => state(first.articleId), { timeout: 20_000 }).toBe('current');

  const panel = page.getByRole('region', { name: 'Suggested claims' });
  const setting = panel.getByRole('checkbox', { name: 'Suggest for new articles' });
  await setting.uncheck();
  const second = await call<{ articleId: string }>(page, app, 'importText', { text: text('defence'), title: 'Talks resume again' });
  // The library shows the new article (the import's change event reached the page) ...
  await expect(notebook.library).toContainText('Talks resume again');
  // ... and the suggester left it alone. Turning the setting on again reads it.
  expect(await state(second.articleId)).toBe('none');
  await setting.check();
  await expect.poll(() => state(second.articleId), { timeout: 20_000 }).toBe('current');
});
