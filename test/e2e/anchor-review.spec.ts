import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { call, expect, test, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

// Screenshots for looking at the views by eye; kept out of the repository.
const SHOTS = process.env.STANCEBOOK_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const QUOTE = 'the US and China remain "miles apart" on critical issues';

async function editText(page: Page, change: (text: string) => string) {
  await page.getByRole('button', { name: /^Edit text/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Edit the text of/ });
  const area = dialog.getByRole('textbox', { name: /^Text/ });
  await area.fill(change(await area.inputValue()));
  await dialog.getByRole('button', { name: 'Save text' }).click();
  await expect(dialog).toBeHidden();
}

async function openBrief(page: Page, title: string) {
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await page.getByTestId('brief-row').filter({ hasText: title }).getByRole('button').first().click();
  await expect(page.getByTestId('brief-body')).toBeVisible();
}

test('an edit that makes a claim ambiguous: needs review in reader, list and brief; confirmed by keyboard, the citation follows', async ({
  app,
  page,
}) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const card = notebook.card(QUOTE);
  const claimId = (await card.getAttribute('data-claim-id')) ?? '';
  expect(claimId).not.toBe('');
  const [article] = await call<{ id: string }[]>(page, app, 'listArticles', {});
  await call(page, app, 'createBrief', {
    title: 'Experts on the talks',
    doc: { type: 'doc', content: [{ type: 'claimCitation', attrs: { claimId, articleId: article!.id } }] },
  });

  // The experts' paragraph pasted twice: the claim's words and their surroundings now stand in two places.
  await editText(page, (text) => {
    const paragraph = text.split('\n').find((line) => line.includes(QUOTE))!;
    return text.replace(paragraph, `${paragraph}\n${paragraph}`);
  });
  await expect(notebook.status).toContainText('(1 of them placed but needing review)');

  // The reader draws it as unconfirmed, the card says so, and the review lists it, open.
  await expect(notebook.highlightsOf(claimId).first()).toHaveAttribute('data-unconfirmed', '');
  await expect(card.getByTestId('anchor-needs-review')).toHaveText(/needs review/);
  await notebook.highlightsOf(claimId).first().scrollIntoViewIfNeeded();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/anchor-review-reader-highlight.png` });
  const banner = page.getByTestId('anchor-banner');
  await expect(banner).toContainText('1 claim was placed on doubtful evidence and needs review');
  const reviewCard = page.getByTestId('review-card');
  await expect(reviewCard).toHaveCount(1);
  await expect(reviewCard).toContainText('another passage fits almost as well');
  await expect(reviewCard.locator('mark').first()).toHaveText(QUOTE);
  await page.screenshot({ path: `${SHOTS}/anchor-review-needs-review.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // The sidebar's anchor filter finds it.
  await notebook.sidebar.getByRole('button', { name: /^Filters/ }).click();
  await notebook.sidebar.getByLabel('Anchor').selectOption('needs-review');
  await expect(notebook.claimCards).toHaveCount(1);
  await notebook.sidebar.getByRole('button', { name: 'Clear filters' }).click();

  // The brief marks the citation.
  await openBrief(page, 'Experts on the talks');
  const citation = page.getByTestId('brief-citation');
  await expect(citation.getByTestId('citation-needs-review')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/anchor-review-brief-unconfirmed.png` });
  const exported = await call<{ content: string }>(page, app, 'exportBriefDocument', {
    briefId: (await call<{ id: string }[]>(page, app, 'listBriefs', {}))[0]!.id,
    format: 'md',
  });
  expect(exported.content).toContain('needs review');

  // Positions (from the brief view): the cell's claim list marks it.
  await page.getByRole('button', { name: 'Positions', exact: true }).click();
  const positions = page.getByTestId('positions-view');
  await positions
    .getByRole('table')
    .getByRole('button', { name: /^Experts on Bilateral relationship/ })
    .click();
  await expect(positions.getByText('· needs review')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/anchor-review-positions.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Reader', exact: true }).click();

  // Back in the article, the analyst confirms by keyboard: from the review's toggle, Tab to the card's first action, Enter.
  await notebook.waitForArticle();
  const toggle = page.getByTestId('anchor-review-toggle');
  await toggle.focus();
  await page.keyboard.press('Tab');
  await expect(reviewCard.getByRole('button', { name: 'Confirm placement' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notebook.status).toContainText('Placement confirmed.');
  await expect(reviewCard).toHaveCount(0);
  await expect(card.getByTestId('anchor-needs-review')).toHaveCount(0);
  await expect(notebook.highlightsOf(claimId).first()).not.toHaveAttribute('data-unconfirmed', '');
  const stored = await call<{ claims: { id: string; anchor: { review?: unknown; confirmed?: { at: string } } }[] }>(page, app, 'getArticle', {
    id: article!.id,
  });
  const claim = stored.claims.find((c) => c.id === claimId)!;
  expect(claim.anchor.review).toBeUndefined();
  expect(claim.anchor.confirmed?.at).toMatch(/^\d{4}-/);

  // The brief's citation follows: no longer marked.
  await openBrief(page, 'Experts on the talks');
  await expect(citation).toHaveAttribute('data-state', 'found');
  await expect(citation.getByTestId('citation-needs-review')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/anchor-review-brief-confirmed.png` });
});
