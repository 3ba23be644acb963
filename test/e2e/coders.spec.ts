import { test, expect, call, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';
import type { ArticleSummary, Claim, Coder } from '../../shared/model';

const SHOTS = process.env.SHOTS_DIR;

test('set the coder, code claims, see their history, run the agreement report and adjudicate a pair', async ({ app, page }) => {
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();

  // First run: the copy has no coder, and the app asks (without blocking the notebook).
  const prompt = page.getByRole('region', { name: 'Who is coding?' });
  await expect(prompt).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/coders-first-run.png` });
  await prompt.getByRole('button', { name: 'Save' }).click();
  await expect(prompt.getByRole('alert')).toContainText('Type your name');
  await prompt.getByLabel('Your name').fill('Ann Analyst');
  await prompt.getByRole('button', { name: 'Save' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('coder-control')).toContainText('Ann Analyst');
  const ann = await call<Coder>(page, app, 'getCoder', {});
  expect(ann.name).toBe('Ann Analyst');

  // Ann codes a sample claim in the app: its card then says who changed it, and its history what.
  const card = notebook.card('Taiwan independence is the biggest risk');
  await card.getByRole('button', { name: 'Edit claim' }).click();
  const editor = page.getByTestId('claim-editor');
  await editor.getByLabel('Note').fill('Checked against the transcript.');
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(card).toContainText('last changed by Ann Analyst');
  const toggle = card.getByRole('button', { name: /^History \(\d+\)$/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await card.focus();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const history = card.getByRole('list', { name: 'Changes to this claim, newest first' });
  await expect(history.getByRole('listitem').first()).toContainText('Ann Analyst note: none → Checked against the transcript.');
  await expect(history.getByRole('listitem').last()).toContainText('created the claim');
  expect(await seriousViolations(page)).toEqual([]);
  if (SHOTS) await card.screenshot({ path: `${SHOTS}/coders-claim-history.png` });

  // Two coders code the same stretch of another text through the API, under two coder ids.
  const [article] = await call<ArticleSummary[]>(page, app, 'listArticles', {});
  const { article: full } = await call<{ article: { text: string } }>(page, app, 'getArticle', { id: article!.id });
  const quote = 'The first round of talks';
  const start = full.text.indexOf(quote);
  expect(start).toBeGreaterThan(-1);
  const annClaim = await call<Claim>(page, app, 'createClaim', {
    articleId: article!.id,
    start,
    end: start + 40,
    coding: { actorIds: ['actor-china'], issueId: 'issue-ai', stanceId: 'stance-supports' },
  });
  await call(page, app, 'setCoder', { name: 'Bob Builder', id: 'coder-bob' });
  const bobClaim = await call<Claim>(page, app, 'createClaim', {
    articleId: article!.id,
    start: start + 4,
    end: start + 40,
    coding: { actorIds: ['actor-china'], issueId: 'issue-ai', stanceId: 'stance-opposes' },
  });
  expect([annClaim.createdBy, bobClaim.createdBy]).toEqual([ann.id, 'coder-bob']);
  await call(page, app, 'setCoder', { name: 'Lea Lead', id: 'coder-lea' });
  await expect(page.getByTestId('coder-control')).toContainText('Lea Lead');

  // The agreement report.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Agreement' }).click();
  const view = page.getByTestId('agreement-view');
  await expect(view.getByRole('heading', { name: 'Krippendorff’s alpha' })).toBeVisible();
  await expect(view.getByTestId('alpha-table').locator('tr[data-variable="stance"] td').nth(1)).toHaveText(/^(n\/a|-?\d\.\d{3})$/);
  const unit = view.getByTestId('agreement-unit').filter({ hasText: 'Coded differently: stance' });
  await expect(unit).toHaveCount(1);
  await expect(unit).toContainText('Ann Analyst');
  await expect(unit).toContainText('Bob Builder');
  expect(await seriousViolations(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/coders-agreement.png`, fullPage: true });

  // Adjudicate: the lead keeps Bob's version; Ann's goes to the trash, and the decision is in the history.
  await unit.getByRole('button', { name: /Adjudicate/ }).click();
  const dialog = page.getByTestId('adjudicate-dialog');
  await expect(dialog.getByTestId('adjudicate-version')).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/coders-adjudicate.png` });
  await dialog.getByRole('region', { name: 'Bob Builder’s version' }).getByRole('button', { name: 'Keep this version' }).click();
  await expect(dialog).toBeHidden();
  await expect(view.getByTestId('agreement-unit').filter({ hasText: 'Coded differently: stance' })).toHaveCount(0);
  const { claims } = await call<{ claims: Claim[] }>(page, app, 'getArticle', { id: article!.id });
  expect(claims.some((c) => c.id === annClaim.id)).toBe(false);
  const kept = claims.find((c) => c.id === bobClaim.id)!;
  expect(kept.history!.at(-1)).toMatchObject({ field: 'adjudicated', by: 'coder-lea', byName: 'Lea Lead', step: 'Adjudicate: kept one version' });
  await expect(page.getByTestId('undo-button')).toHaveAccessibleName('Undo Adjudicate: kept one version');

  // Blind double coding: the lead (no claims of her own here) sees none until she marks it done.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Reader' }).click();
  await notebook.waitForArticle();
  // The box follows the stored article, so it turns checked once the change is saved.
  await page.getByTestId('blind-bar').getByLabel('Blind double coding').click();
  await expect(page.getByTestId('blind-bar').getByLabel('Blind double coding')).toBeChecked();
  await expect(notebook.claimCards).toHaveCount(0);
  await expect(page.getByTestId('blind-bar')).toContainText('You see only your own claims');
  expect(await seriousViolations(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/coders-blind.png` });
  await page.getByTestId('blind-bar').getByRole('button', { name: 'Mark done' }).click();
  await expect(notebook.claimCards).not.toHaveCount(0);
});
