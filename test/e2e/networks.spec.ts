import { mkdirSync } from 'node:fs';
import { call, test, expect, seriousViolations } from './fixtures';
import { NotebookPage } from './pages/notebook-page';

const SHOTS = process.env.STANCEBOOK_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

test("networks: who agrees with whom over dated articles; the time slider, an edge's claims, the article", async ({ app, page }) => {
  // Three more dated articles: the United States and China agree on AI dialogue in March, then clash on it in September.
  const codebook = await call<{
    actors: { id: string; name: string }[];
    issues: { id: string; name: string }[];
    stances: { id: string; label: string }[];
  }>(page, app, 'getCodebook', {});
  const actor = (name: string) => codebook.actors.find((a) => a.name === name)!.id;
  const ai = codebook.issues.find((i) => i.name === 'Artificial intelligence')!.id;
  const stance = (label: string) => codebook.stances.find((s) => s.label === label)!.id;
  const proposition = 'A binding treaty on military AI';
  for (const [date, words, who, side] of [
    ['2025-03-03', 'Washington said it backs a binding treaty on military AI.', 'United States', 'supports'],
    ['2025-03-05', 'Beijing said it also backs a binding treaty on military AI.', 'China', 'supports'],
    ['2025-09-20', 'Beijing said a binding treaty on military AI was now out of the question.', 'China', 'strongly opposes'],
  ] as const) {
    const { articleId } = await call<{ articleId: string }>(page, app, 'importText', { title: `AI talks, ${date}`, text: words });
    await call(page, app, 'updateArticleMeta', { id: articleId, patch: { publishedAt: date } });
    await call(page, app, 'createClaim', {
      articleId,
      start: 0,
      end: words.length - 1,
      coding: { actorIds: [actor(who)], issueId: ai, proposition, stanceId: stance(side) },
    });
  }

  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  // Pressing the button asks for the view's first network while the view's code loads; the view
  // uses that answer (one request, not two) and asks for its time windows after it.
  const asked: string[] = [];
  page.on('request', (request) => {
    const method = new URL(request.url()).pathname;
    if (method === '/api/getNetwork' || method === '/api/getNetworkWindows') asked.push(method);
  });
  await page.getByRole('button', { name: 'Networks', exact: true }).click();
  const view = page.getByTestId('networks-view');
  await expect(view.getByRole('slider', { name: 'Time window' })).toBeVisible();
  expect(asked).toEqual(['/api/getNetwork', '/api/getNetworkWindows']);
  // All dates: the United States and China agree on four propositions (three sample claims and the treaty).
  const connections = view.getByRole('region', { name: 'Connections' }).or(view.locator('section[aria-labelledby="networks-edges-title"]'));
  const usChina = connections.getByRole('button', { name: /United States — China|China — United States/ });
  await expect(usChina).toContainText('4');
  await expect(view.getByTestId('network-canvas').locator('canvas').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/networks-1-agreement.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // Disagreement over all dates: one edge, weight 2 (the South China Sea, and the treaty China later turned against).
  await view.getByRole('combobox', { name: 'Network', exact: true }).selectOption('conflict');
  await expect(connections.getByRole('button')).toHaveCount(1);
  await expect(usChina).toContainText('2');
  await expect(usChina).toContainText('A binding treaty on military AI');

  // The slider moves through 90-day windows; the September window holds only China's opposition (no pair meets).
  await view.getByRole('combobox', { name: 'Window length' }).selectOption({ label: '90 days, step 30' });
  const slider = view.getByRole('slider', { name: 'Time window' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(view.getByRole('status')).toContainText('2025-');
  await expect(view.getByText('No two actors meet on a proposition in this window.')).toBeVisible();

  // Back to all dates, open the edge's claims by keyboard, then jump to the article.
  await view.getByRole('button', { name: 'All dates' }).click();
  await view.getByRole('combobox', { name: 'Network', exact: true }).selectOption('congruence');
  await usChina.focus();
  await page.keyboard.press('Enter');
  const claims = view.locator('section[aria-labelledby="networks-claims-title"]');
  await expect(claims.getByRole('heading')).toBeFocused();
  // Both actors' claims on the four shared propositions: three joint sample claims (one per actor each), and the treaty's three.
  await expect(claims.locator('.network-claim')).toHaveCount(9);
  await page.screenshot({ path: `${SHOTS}/networks-2-edge-claims.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await claims.locator('.network-claim').filter({ hasText: 'binding treaty' }).first().getByRole('button', { name: 'Show in the article' }).click();
  await expect(page.getByRole('main', { name: 'Article' })).toBeVisible();
  await expect(notebook.claimCards.filter({ hasText: 'binding treaty' })).toHaveAttribute('aria-current', 'true');
});
