import { test, expect } from './fixtures';
import { NotebookPage, defaultStanceColours, sampleClaims } from './pages/notebook-page';

test('the sample article opens with its 10 claims highlighted in their stance colours', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await expect(notebook.library.getByTestId('library-row')).toHaveCount(1);
  await expect(notebook.library.getByTestId('library-row')).toContainText('21 Dec 2024');
  await expect(notebook.reader.getByRole('heading', { level: 1 })).toHaveText(
    'US, China agree to expand military contact, hold AI talks amid ongoing disagreements',
  );
  await expect(notebook.reader.getByTestId('article-facts')).toContainText('21 December 2024 · Pop Smoke Media');
  await expect(notebook.claimCards).toHaveCount(10);
  expect(await notebook.highlightedClaimIds()).toHaveLength(10);

  // Each claim's highlight carries its stance's colour, and the card names that stance.
  const colours = defaultStanceColours();
  const drawn = await notebook.articleBody.locator('mark[data-claims]').evaluateAll((marks) =>
    marks.map((m) => ({
      ids: m.getAttribute('data-claims') ?? '',
      colour: (m as HTMLElement).style.getPropertyValue('--hl').toLowerCase(),
      text: m.textContent ?? '',
    })),
  );
  for (const gold of sampleClaims()) {
    const card = notebook.card(gold.exact.slice(0, 40));
    await expect(card).toHaveCount(1);
    await expect(card.locator('.stance-chip')).toHaveText(gold.stance);
    const id = await card.getAttribute('data-claim-id');
    const marks = drawn.filter((d) => d.ids.split(' ').includes(id ?? ''));
    expect(marks.map((m) => m.text).join('')).toBe(gold.exact);
    expect(marks[0]?.colour).toBe(colours.get(gold.stance));
  }
});

test('selecting a card scrolls to its highlight, and clicking a highlight selects its card', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const last = notebook.claimCards.filter({ hasText: 'miles apart' });
  await last.click();
  const id = (await last.getAttribute('data-claim-id')) ?? '';
  await expect(notebook.highlightsOf(id).first()).toBeInViewport();
  await expect(notebook.highlightsOf(id).first()).toHaveClass(/hl--selected/);

  await notebook.articleBody.locator('mark', { hasText: 'Taiwan independence is the biggest risk' }).click();
  await expect(notebook.claimCards.filter({ hasText: 'Taiwan independence is the biggest risk' })).toHaveAttribute('aria-current', 'true');

  // j / k walk the claims in text order.
  await page.keyboard.press('j');
  await expect(notebook.claimCards.filter({ hasText: 'The US, however, emphasized' })).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('k');
  await expect(notebook.claimCards.filter({ hasText: 'Taiwan independence is the biggest risk' })).toHaveAttribute('aria-current', 'true');
});

test('the sidebar filters by text and by stance, and the help overlay lists the shortcuts', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  await page.keyboard.press('/');
  await page.keyboard.type('Taiwan');
  await expect(notebook.claimCards).toHaveCount(2);
  await expect(notebook.sidebar).toContainText('Showing 2 of 10 claims');
  await notebook.sidebar.getByRole('button', { name: 'Clear filters' }).click();
  await expect(notebook.claimCards).toHaveCount(10);

  await notebook.sidebar.getByRole('button', { name: /Filters/ }).click();
  await notebook.sidebar.getByLabel('Stance').selectOption({ label: 'opposes' });
  await expect(notebook.claimCards).toHaveCount(4);
  await expect(notebook.claimCards.locator('.stance-chip')).toHaveText(Array(4).fill('opposes'));
  await notebook.sidebar.getByLabel('Anchor').selectOption({ label: 'Orphaned' });
  await expect(notebook.claimCards).toHaveCount(0);

  await notebook.articleBody.focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Make a claim from the selection');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('J, K, E and Delete act on the selected claim only while the article is shown', async ({ app, page }) => {
  void app;
  const notebook = new NotebookPage(page);
  await notebook.waitForArticle();
  const first = notebook.claimCards.first();
  await first.click();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await expect(page.getByTestId('codebook-view')).toBeVisible();
  await page.getByTestId('codebook-view').click({ position: { x: 5, y: 5 } });
  for (const key of ['j', 'k', 'e', 'Delete']) await page.keyboard.press(key);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(first).toHaveAttribute('aria-current', 'true');
  // Back in the article, they work again.
  await page.getByRole('button', { name: 'Reader', exact: true }).click();
  // Focused, not clicked at a corner: the reader comes back at its place, where the sticky
  // article bar may cover the body's top edge.
  await notebook.articleBody.focus();
  await page.keyboard.press('e');
  await expect(notebook.claimEditor).toBeVisible();
});
