import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { call, expect, test, seriousViolations } from './fixtures';

// Screenshots for looking at the view by eye; kept out of the repository.
const SHOTS = process.env.STANCEBOOK_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

async function openBriefs(page: Page) {
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Briefs' })).toBeVisible();
}

const saved = (page: Page) => expect(page.getByTestId('brief-save-state')).toHaveAttribute('data-state', 'saved');

test('write a brief, cite a claim from the keyboard, and watch the citation follow the claim', async ({ page, app }) => {
  await openBriefs(page);
  await page.getByRole('button', { name: 'New brief' }).click();
  const title = page.getByRole('textbox', { name: 'Brief title' });
  await expect(title).toBeFocused();
  await title.fill('Week 35: Sullivan in Beijing');
  await title.press('Enter');

  const body = page.getByTestId('brief-body');
  await expect(body).toBeFocused();
  await page.keyboard.press('Control+Alt+2');
  await page.keyboard.type('South China Sea');
  await expect(page.getByRole('button', { name: 'Heading 2' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The two sides ');
  await page.keyboard.press('Control+B');
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('clash');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' on the islands.');
  await page.keyboard.press('Enter');

  // Ctrl+Shift+K: find the US position by its words and cite it with Enter.
  await page.keyboard.press('Control+Shift+K');
  const picker = page.getByTestId('citation-picker');
  await expect(picker).toBeVisible();
  await page.keyboard.type('destabilizing');
  await expect(picker.getByTestId('cite-option')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/briefs-1-picker.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();

  const card = page.getByTestId('brief-citation');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-state', 'found');
  await expect(card).toContainText('destabilizing actions');
  await expect(card).toContainText('United States');
  await expect(card).toContainText('South China Sea');
  await expect(card.getByTestId('citation-stance')).toHaveText('opposes');
  await expect(body).toBeFocused();
  await page.keyboard.type('Beijing did not give ground.');
  await saved(page);
  await page.screenshot({ path: `${SHOTS}/briefs-2-cited.png` });

  // What the core holds: the heading, the bold text, the citation with its claim and article.
  const [brief] = await call<{ id: string; title: string; citationCount: number }[]>(page, app, 'listBriefs', {});
  expect(brief).toMatchObject({ title: 'Week 35: Sullivan in Beijing', citationCount: 1 });
  const stored = await call<{ brief: { doc: unknown }; citations: { claimId: string }[] }>(page, app, 'getBrief', { id: brief!.id });
  const json = JSON.stringify(stored.brief.doc);
  expect(json).toContain('"type":"heading","attrs":{"level":2}');
  expect(json).toContain('{"type":"text","marks":[{"type":"bold"}],"text":"clash"}');
  expect(json).toContain('Beijing did not give ground.');
  const claimId = stored.citations[0]!.claimId;

  // The claim changes elsewhere (as in the reader): the citation follows, without a reload.
  const articles = await call<{ id: string }[]>(page, app, 'listArticles', {});
  const articleId = articles[0]!.id;
  await call(page, app, 'updateClaim', { articleId, id: claimId, patch: { stanceId: 'stance-strongly-opposes', note: 'Sharper than in May.' } });
  await expect(card.getByTestId('citation-stance')).toHaveText('strongly opposes');
  await expect(card.getByTestId('citation-note')).toHaveText(/Sharper than in May\./);
  await page.screenshot({ path: `${SHOTS}/briefs-3-updated.png` });

  // Deleted: the citation stays, clearly marked, with the words it had.
  await call(page, app, 'deleteClaim', { articleId, id: claimId });
  await expect(card).toHaveAttribute('data-state', 'missing');
  await expect(card.getByTestId('citation-missing')).toContainText('Claim deleted');
  await expect(card).toContainText('destabilizing actions');
  await page.screenshot({ path: `${SHOTS}/briefs-4-deleted.png` });

  // Opening the app again reopens the same brief, as saved (the page needs its launch URL).
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Week 35: Sullivan in Beijing');
  await expect(page.getByTestId('brief-body')).toContainText('Beijing did not give ground.');
  await expect(page.getByTestId('brief-citation')).toHaveAttribute('data-state', 'missing');
});

test('draft a brief from the sample article: every quote cited, the South China Sea clash named', async ({ page, app }) => {
  await openBriefs(page);
  await page.getByRole('button', { name: 'Draft from articles…' }).click();
  const dialog = page.getByTestId('generate-brief');
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await expect(dialog.getByRole('checkbox')).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/briefs-5-generate-dialog.png` });
  await dialog.getByRole('button', { name: 'Draft brief' }).click();
  await expect(dialog).toBeHidden();

  const body = page.getByTestId('brief-body');
  await expect(body.locator('h1')).toHaveText(/^Brief: /);
  await expect(page.getByTestId('brief-citation')).toHaveCount(10);
  await expect(page.locator('[data-testid="brief-citation"][data-state="found"]')).toHaveCount(10);
  await expect(body.locator('h2')).toContainText([
    'Source',
    'Taiwan',
    'South China Sea',
    'Where actors agree and where they clash',
    "Analyst's notes",
  ]);
  await expect(body).toContainText(
    "Clash on China's territorial claims and actions in the South China Sea (South China Sea): China strongly supports; United States opposes.",
  );
  await page.screenshot({ path: `${SHOTS}/briefs-6-draft.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await body.locator('h2', { hasText: 'Where actors agree' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/briefs-7-draft-clash.png` });

  const list = await call<{ title: string; citationCount: number }[]>(page, app, 'listBriefs', {});
  expect(list).toEqual([expect.objectContaining({ citationCount: 10 })]);
  await expect(page.getByTestId('brief-row')).toHaveCount(1);
});

test('rename and delete from the list; links accept only web and mail addresses', async ({ page, app }) => {
  await call(page, app, 'createBrief', { title: 'First thoughts' });
  await openBriefs(page);
  await page.getByRole('button', { name: 'Rename First thoughts' }).click();
  const title = page.getByRole('textbox', { name: 'Brief title' });
  await expect(title).toBeFocused();
  await title.fill('Second thoughts');
  await saved(page);
  await expect(page.getByTestId('brief-row')).toContainText('Second thoughts');

  await title.press('Enter');
  // Focus is in the text as soon as Enter is handled, so nothing typed next lands in the title.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('brief-body');
  await page.keyboard.type('See the readout');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Alt+K');
  const link = page.getByTestId('link-dialog');
  await link.getByRole('textbox').fill('javascript:alert(1)');
  await link.getByRole('button', { name: 'Apply' }).click();
  await expect(link.getByRole('alert')).toContainText('web address');
  await link.getByRole('textbox').fill('www.state.gov/readout');
  await link.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('brief-body').locator('a')).toHaveAttribute('href', 'https://www.state.gov/readout');
  await expect(page.getByRole('button', { name: 'Link' })).toHaveAttribute('aria-pressed', 'true');
  await saved(page);

  // Leaving a brief straight after typing (before the autosave pause) still saves the words.
  await page.keyboard.press('End');
  await page.keyboard.type(' before leaving');
  await page.getByRole('button', { name: 'Reader', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Briefs' })).toBeHidden();
  const { id } = (await call<{ id: string }[]>(page, app, 'listBriefs', {}))[0]!;
  const storedDoc = async () => JSON.stringify((await call<{ brief: { doc: unknown } }>(page, app, 'getBrief', { id })).brief.doc);
  await expect.poll(storedDoc).toContain('before leaving');
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await expect(page.getByTestId('brief-body')).toContainText('See the readout before leaving');

  await page.getByRole('button', { name: 'Delete Second thoughts' }).click();
  await page.getByTestId('delete-brief').getByRole('button', { name: 'Delete brief' }).click();
  await expect(page.getByTestId('brief-row')).toHaveCount(0);
  await expect(page.getByText('Open a brief from the list')).toBeVisible();
  expect(await call<unknown[]>(page, app, 'listBriefs', {})).toEqual([]);
});

test('cite the claim selected in the sidebar; a renamed actor and a lost quote show at once', async ({ page, app }) => {
  await call(page, app, 'createBrief', { title: 'Taiwan watch' });
  await openBriefs(page);
  await page.getByTestId('brief-body').click();
  await page.keyboard.type('Beijing restated its red line.');
  await page.keyboard.press('Enter');

  await page.getByTestId('claim-card').filter({ hasText: 'Taiwan independence is the biggest risk' }).click();
  await page.getByRole('button', { name: 'Cite the claim selected in the sidebar' }).click();
  const card = page.getByTestId('brief-citation');
  await expect(card).toContainText('Taiwan independence is the biggest risk');
  await expect(card.getByTestId('citation-stance')).toHaveText('strongly opposes');
  await expect(card).toContainText('China');
  await saved(page);

  // The codebook changes: the card names the actor anew.
  await call(page, app, 'updateActor', { id: 'actor-china', patch: { name: "People's Republic of China" } });
  await expect(card).toContainText("People's Republic of China");

  // The article is edited so the quote is gone: the card says the claim is orphaned.
  const [summary] = await call<{ id: string }[]>(page, app, 'listArticles', {});
  const { article } = await call<{ article: { text: string } }>(page, app, 'getArticle', { id: summary!.id });
  const text = article.text.replace(
    'Taiwan independence is the biggest risk to peace and stability in the Taiwan Strait',
    'the weather in Beijing was mild for August',
  );
  await call(page, app, 'reviseArticleText', { articleId: summary!.id, text });
  await expect(card.getByTestId('citation-orphaned')).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'found');
  await page.screenshot({ path: `${SHOTS}/briefs-8-orphaned.png` });
});

test('a brief with content this editor cannot show opens read-only and is never saved over', async ({ page, app }) => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Kept.' }] },
      { type: 'timelineChart', attrs: { year: 2024 } },
    ],
  };
  const brief = await call<{ id: string }>(page, app, 'createBrief', { title: 'From a newer version', doc });
  await openBriefs(page);
  await expect(page.getByRole('alert').filter({ hasText: 'open read-only' })).toBeVisible();
  await expect(page.getByTestId('brief-read-only')).toHaveText('Kept.');
  await expect(page.getByTestId('brief-body')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveAttribute('readonly', '');
  await page.screenshot({ path: `${SHOTS}/briefs-9-read-only.png` });
  const stored = await call<{ brief: { doc: unknown } }>(page, app, 'getBrief', { id: brief.id });
  expect(stored.brief.doc).toEqual(doc);
});
