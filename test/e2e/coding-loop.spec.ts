import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, call, seriousViolations, type RunningApp } from './fixtures';
import { NotebookPage, defaultStanceColours } from './pages/notebook-page';

/*
 * Issue 11, the coding flow: code beside the text, codes created where you code, speaker
 * prefill, the selection adder, reading aids, Ctrl+K and N. Each runs at 1024×700 and 1440×900.
 * Keystroke and click counts for one claim are written next to the steps that make them.
 */

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;

const SHOTS = 'test-results/screens';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: `${SHOTS}/${name}-${size?.width}x${size?.height}.png` });
}

interface Codebook {
  actors: { id: string; name: string }[];
  issues: { id: string; name: string; parentId: string | null; propositions: string[] }[];
  tags: { name: string }[];
}

const codebookOf = (page: Page, app: RunningApp) => call<Codebook>(page, app, 'getCodebook', {});

/** Drags the mouse over `words` in the article, as an analyst selects. */
async function dragSelect(page: Page, notebook: NotebookPage, words: string): Promise<void> {
  const locate = (scroll: boolean) =>
    notebook.articleBody.evaluate(
      (body, [target, doScroll]) => {
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(target as string) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + (target as string).length);
          if (doScroll) {
            // Scroll the reader only (scrollIntoView could scroll the whole window sideways).
            const scroller = body.closest('.reader-scroll')!;
            const top = range.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
            scroller.scrollTop += top - scroller.clientHeight / 3;
          }
          const rects = range.getClientRects();
          const first = rects[0]!;
          const last = rects[rects.length - 1]!;
          return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
        }
        return null;
      },
      [words, scroll] as const,
    );
  await locate(true);
  // The text can still move under a loaded machine (a chunk of the article laid out late, a bar
  // appearing below it), so a drag that caught other words is made again from fresh places, a
  // bounded number of times; what is tested is what a selection leads to, not the drag.
  for (let attempt = 1; ; attempt++) {
    // The places are read once the scroll (and any bar appearing below the text) has settled.
    await expect
      .poll(async () => {
        const before = JSON.stringify(await locate(false));
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        return before === JSON.stringify(await locate(false));
      })
      .toBe(true);
    const box = await locate(false);
    if (!box) throw new Error(`"${words}" is not in one text node of the article`);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 8 });
    await page.mouse.up();
    if ((await notebook.selectionText()) === words || attempt === 3) break;
  }
  await expect.poll(() => notebook.selectionText()).toBe(words);
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('keyboard: S, C, the speaker and actor proposed, issue, proposition, stance, save: the editor docks beside the text', async ({
      app,
      page,
    }) => {
      void app;
      const notebook = new NotebookPage(page);
      await notebook.waitForArticle();
      await notebook.caretToParagraph('Experts have described');
      // Keystrokes from here (the caret in the sentence): S, C = 2.
      await page.keyboard.press('s');
      await page.keyboard.press('c');

      const editor = notebook.claimEditor;
      await expect(editor).toBeVisible();
      // Docked beside the article, never over it: no modal, the text fully visible and usable.
      await expect(page.locator('.modal-overlay')).toHaveCount(0);
      const [textBox, editorBox] = await Promise.all([notebook.articleBody.boundingBox(), editor.boundingBox()]);
      expect(editorBox!.x).toBeGreaterThanOrEqual(textBox!.x + textBox!.width);
      await expect(editor.getByRole('combobox', { name: 'Actors' })).toBeFocused();
      // The attribution "Experts have described" proposes the speaker and the actor: 0 keys for Actors.
      await expect(editor.getByTestId('attribution')).toContainText('Experts have described');
      await expect(editor.locator('.actor-chip')).toHaveText([/Experts/]);
      await expect(editor.getByRole('textbox', { name: /Speaker/ })).toHaveValue('Experts');
      // The words being coded stay marked in the text, in the selection colour.
      expect(await page.evaluate(() => CSS.highlights.has('claim-pending'))).toBe(true);
      await shot(page, 'editor-keyboard');
      expect(await seriousViolations(page)).toEqual([]);

      // Tab to Issue (1), "Bilateral rel" (13), Enter takes the issue it starts (1).
      await page.keyboard.press('Tab');
      await expect(editor.getByRole('combobox', { name: 'Issue', exact: true })).toBeFocused();
      await page.keyboard.type('Bilateral rel');
      await page.keyboard.press('Enter');
      await expect(editor.getByRole('combobox', { name: 'Issue', exact: true })).toHaveValue('Bilateral relationship');
      await expect(editor).toBeVisible();
      // Tab to Proposition (1), "The talks narrowed" (18), Enter takes the known one it starts (1).
      await page.keyboard.press('Tab');
      await expect(editor.getByRole('combobox', { name: 'Proposition' })).toBeFocused();
      await page.keyboard.type('The talks narrowed');
      await page.keyboard.press('Enter');
      await expect(editor.getByRole('combobox', { name: 'Proposition' })).toHaveValue('The talks narrowed the core disagreements');
      // Alt+2 picks "opposes" (1), Ctrl+Enter saves (1).
      await page.keyboard.press('Alt+2');
      await expect(editor.getByRole('radio', { name: /^2?\s*opposes$/ })).toBeChecked();
      await page.keyboard.press('Control+Enter');

      await expect(editor).toBeHidden();
      // The claim list is virtualised (fewer cards drawn at 700 px): count in the article's facts.
      await expect(page.getByTestId('article-facts')).toContainText('11 claims');
      const card = notebook.card('Experts have described the meeting');
      await expect(card).toContainText('Experts');
      await expect(card).toContainText('Bilateral relationship');
      await expect(card.locator('.stance-chip')).toHaveText('opposes');
      // Focus is back in the text, ready for the next claim.
      await expect(notebook.articleBody).toBeFocused();
      // Codebook unchanged: every code existed.
      const codebook = await codebookOf(page, app);
      expect(codebook.actors).toHaveLength(6);
    });

    test('mouse: select, click "Claim (C)" by the selection, click the fields, save', async ({ app, page }) => {
      void app;
      const notebook = new NotebookPage(page);
      await notebook.waitForArticle();
      await expect(page.getByTestId('selection-adder')).toHaveCount(0);
      // One selection (a drag).
      await dragSelect(page, notebook, 'The first round of talks was held in Geneva');
      const adder = page.getByTestId('selection-adder');
      await expect(adder).toBeVisible();
      // The adder sits by the selection's end.
      const selectionEnd = await page.evaluate(() => {
        const rects = getSelection()!.getRangeAt(0).getClientRects();
        return rects[rects.length - 1]!.toJSON() as DOMRect;
      });
      const adderBox = (await adder.boundingBox())!;
      expect(Math.abs(adderBox.y + adderBox.height / 2 - (selectionEnd.top + selectionEnd.height / 2))).toBeLessThan(60);
      await shot(page, 'selection-adder');
      // Click 1: the adder.
      await adder.click();
      const editor = notebook.claimEditor;
      await expect(editor).toBeVisible();
      await expect(adder).toHaveCount(0);
      await expect(editor.locator('.claim-editor__quote')).toHaveText('“The first round of talks was held in Geneva”');
      // Focus starts in Actors (and has scrolled anything it needed to) before the first click.
      await expect(editor.getByRole('combobox', { name: 'Actors' })).toBeFocused();
      // Clicks 2–3: "Show actors", then United States.
      await editor.getByRole('button', { name: 'Show actors' }).click();
      await page.getByRole('option', { name: /^United States/ }).click();
      // Clicks 4–5: "Show issues", then Artificial intelligence.
      await editor.getByRole('button', { name: 'Show issues' }).click();
      await page.getByRole('option', { name: 'Artificial intelligence' }).click();
      // Clicks 6–7: "Show known propositions", then the proposition.
      await editor.getByRole('button', { name: 'Show known propositions' }).click();
      await page.getByRole('option', { name: 'A second round of intergovernmental dialogue on AI' }).click();
      // Click 8: neutral. Click 9: Save claim.
      await editor.locator('label.stance-option').filter({ hasText: 'neutral' }).click();
      await editor.getByRole('button', { name: 'Save claim' }).click();
      await expect(editor).toBeHidden();
      const card = notebook.card('The first round of talks was held in Geneva');
      await expect(card).toContainText('United States');
      await expect(card).toContainText('Artificial intelligence');
      await expect(card.locator('.stance-chip')).toHaveText('neutral');
    });
  });
}

test.describe('codes created where you code', () => {
  for (const size of SIZES) {
    test(`Enter on a new actor, issue, proposition and tag creates them (never saves and drops the text); one undo takes back claim and codes (${size.width}×${size.height})`, async ({
      app,
      page,
    }) => {
      await page.setViewportSize(size);
      const notebook = new NotebookPage(page);
      await notebook.waitForArticle();
      const before = await codebookOf(page, app);
      await notebook.caretToParagraph('Despite the ongoing disagreements');
      await page.keyboard.press('s');
      await page.keyboard.press('c');
      const editor = notebook.claimEditor;
      await expect(editor).toBeVisible();

      // The regression: a name not in the codebook, then Enter. It must become a (new) actor.
      const actors = editor.getByRole('combobox', { name: 'Actors' });
      await expect(actors).toBeFocused();
      await page.keyboard.type('Vietnam');
      await expect(page.getByRole('option').first()).toHaveText(/Create actor “Vietnam”/);
      await page.keyboard.press('Enter');
      await expect(editor).toBeVisible();
      await expect(editor.locator('.actor-chip')).toHaveText([/Vietnam\s*new/]);
      await expect(actors).toHaveValue('');

      const issue = editor.getByRole('combobox', { name: 'Issue', exact: true });
      await issue.focus();
      await page.keyboard.type('Maritime law');
      await expect(page.getByRole('option').first()).toHaveText(/Create issue “Maritime law”/);
      await page.keyboard.press('Enter');
      await expect(editor).toBeVisible();
      await expect(issue).toHaveValue('Maritime law');
      // A new issue asks where it goes.
      await editor.getByRole('combobox', { name: /New issue, under/ }).selectOption({ label: 'South China Sea' });

      const proposition = editor.getByRole('combobox', { name: 'Proposition' });
      await proposition.focus();
      await page.keyboard.type('Freedom of navigation patrols');
      await expect(page.getByRole('option').first()).toHaveText(/Create proposition “Freedom of navigation patrols”/);
      await page.keyboard.press('Enter');
      await expect(editor).toBeVisible();
      await page.keyboard.press('Alt+4');

      const tags = editor.getByRole('combobox', { name: 'Tags' });
      await tags.focus();
      await page.keyboard.type('shipping');
      await page.keyboard.press('Enter');
      await expect(editor.locator('.actor-chip')).toHaveText([/Vietnam\s*new/, /shipping\s*new/]);
      await expect(page.getByRole('listbox')).toHaveCount(0);
      await shot(page, 'editor-new-codes');
      expect(await seriousViolations(page)).toEqual([]);
      // Text typed and not yet made a chip is kept by Ctrl+Enter too.
      await page.keyboard.type('ports');
      await page.keyboard.press('Control+Enter');
      await expect(editor).toBeHidden();

      const card = notebook.card('Despite the ongoing disagreements');
      await expect(card).toContainText('Vietnam');
      await expect(card).toContainText('South China Sea › Maritime law');
      const after = await codebookOf(page, app);
      expect(after.actors.map((a) => a.name)).toContain('Vietnam');
      const parent = after.issues.find((i) => i.name === 'South China Sea')!;
      expect(after.issues.find((i) => i.name === 'Maritime law')).toMatchObject({
        parentId: parent.id,
        propositions: ['Freedom of navigation patrols'],
      });
      expect(after.tags.map((t) => t.name)).toEqual(['shipping', 'ports']);
      await expect(page.getByTestId('undo-button')).toHaveAccessibleName(/Create claim with actor “Vietnam”/);

      // One undo takes back the claim and every code made with it.
      await notebook.articleBody.focus();
      await page.keyboard.press('Control+z');
      await expect(page.getByTestId('article-facts')).toContainText('10 claims');
      await expect.poll(() => codebookOf(page, app)).toEqual(before);
    });
  }

  test('a new proposition typed on an existing claim reaches its issue', async ({ app, page }) => {
    const notebook = new NotebookPage(page);
    await notebook.waitForArticle();
    await notebook.card('China is firmly committed').getByRole('button', { name: 'Edit claim' }).click();
    const editor = notebook.claimEditor;
    await expect(editor).toBeVisible();
    await expect(editor.getByRole('heading', { name: 'Edit claim' })).toBeVisible();
    const proposition = editor.getByRole('combobox', { name: 'Proposition' });
    await proposition.fill('');
    await page.keyboard.type('Sovereignty over the Spratly Islands');
    await expect(page.getByRole('option').first()).toHaveText(/Create proposition “Sovereignty over the Spratly Islands”/);
    await page.keyboard.press('Escape'); // closes the list, not the editor
    await expect(editor).toBeVisible();
    await proposition.press('Enter'); // the list is closed: Enter saves, with the text
    await expect(editor).toBeHidden();
    const codebook = await codebookOf(page, app);
    expect(codebook.issues.find((i) => i.name === 'South China Sea')!.propositions).toContain('Sovereignty over the Spratly Islands');
    // Focus returns to the edited card.
    await expect(notebook.card('China is firmly committed')).toBeFocused();
  });
});

test.describe('reading that helps', () => {
  for (const size of SIZES) {
    test(`legend, selection colour, uncoded claims, exact anchors unbadged, sticky toolbar (${size.width}×${size.height})`, async ({ app, page }) => {
      await page.setViewportSize(size);
      const notebook = new NotebookPage(page);
      await notebook.waitForArticle();
      const legend = page.getByRole('list', { name: 'Highlight colours' });
      await expect(legend.getByRole('listitem')).toHaveText([
        'strongly opposes',
        'opposes',
        'neutral',
        'supports',
        'strongly supports',
        'no stance yet',
        'selected',
      ]);

      // The selection colour is none of the stance colours.
      const selection = await notebook.articleBody.evaluate((el) => getComputedStyle(el).getPropertyValue('--reading-selection').trim());
      const stanceColours = [...defaultStanceColours().values()];
      expect(stanceColours).not.toContain(selection.toLowerCase());
      expect(selection).toMatch(/^#[0-9a-f]{6}$/i);

      // Every sample claim is anchored exactly: no badge says so.
      await expect(notebook.claimCards.first()).toBeVisible();
      await expect(page.locator('.anchor-badge')).toHaveCount(0);

      // An uncoded claim is drawn differently from a neutral one.
      const { article } = await call<{ article: { id: string; text: string } }>(page, app, 'getArticle', {
        id: (await call<{ id: string }[]>(page, app, 'listArticles', {}))[0]!.id,
      });
      const quote = 'The first round of talks was held in Geneva in May 2024.';
      const start = article.text.indexOf(quote);
      const uncoded = await call<{ id: string }>(page, app, 'createClaim', { articleId: article.id, start, end: start + quote.length, coding: {} });
      const neutral = await call<{ id: string }>(page, app, 'createClaim', {
        articleId: article.id,
        start: article.text.indexOf('The meeting was the fourth of its kind'),
        end: article.text.indexOf('The meeting was the fourth of its kind') + 38,
        coding: { stanceId: 'stance-neutral' },
      });
      await page.goto(app.url);
      await notebook.waitForArticle();
      const look = (id: string) =>
        notebook
          .highlightsOf(id)
          .first()
          .evaluate((mark) => {
            const s = getComputedStyle(mark);
            return { border: s.borderBottomStyle, background: s.backgroundImage, cls: mark.className };
          });
      const [u, n] = await Promise.all([look(uncoded.id), look(neutral.id)]);
      expect(u.cls).toContain('hl--uncoded');
      expect(n.cls).not.toContain('hl--uncoded');
      expect(u.border).toBe('dashed');
      expect(n.border).toBe('solid');
      await notebook.highlightsOf(uncoded.id).first().scrollIntoViewIfNeeded();
      await shot(page, 'reader-legend');

      // The toolbar stays visible while scrolling to the end of the article.
      const scroller = page.locator('.reader-scroll');
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
      const toolbar = page.getByRole('toolbar', { name: 'Article actions' });
      const [bar, pane] = await Promise.all([toolbar.boundingBox(), scroller.boundingBox()]);
      expect(bar!.y).toBeGreaterThanOrEqual(pane!.y - 1);
      expect(bar!.y).toBeLessThan(pane!.y + 20);
      await expect(toolbar.getByRole('button', { name: /Claim selection/ })).toBeVisible();
      await shot(page, 'reader-scrolled');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test.describe('keys', () => {
  test('N puts focus in the new article text box', async ({ app, page }) => {
    void app;
    const notebook = new NotebookPage(page);
    await notebook.waitForArticle();
    await notebook.articleBody.focus();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New article' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Article text' })).toBeFocused();
    await page.keyboard.type('Typed at once');
    await expect(dialog.getByRole('textbox', { name: 'Article text' })).toHaveValue('Typed at once');
  });

  test('Ctrl+K in the brief editor goes to the notebook search; Ctrl+Alt+K is the link', async ({ app, page }) => {
    await call(page, app, 'createBrief', { title: 'Keys' });
    await page.getByRole('button', { name: 'Briefs', exact: true }).click();
    await page.locator('.brief-row__open').first().click();
    const body = page.getByTestId('brief-body');
    await body.click();
    await page.keyboard.type('Some words');
    await page.keyboard.press('Control+K');
    await expect(page.getByTestId('link-dialog')).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: /Search the notebook/i })).toBeFocused();
    await body.click();
    await page.keyboard.press('Control+Alt+K');
    await expect(page.getByTestId('link-dialog')).toBeVisible();
  });

  test('Ctrl+K from a claim editor field goes to the search too; Alt+3 goes from the text to the editor', async ({ app, page }) => {
    void app;
    const notebook = new NotebookPage(page);
    await notebook.waitForArticle();
    await notebook.card('China is firmly committed').click();
    await page.keyboard.press('e');
    await expect(notebook.claimEditor).toBeVisible();
    await page.keyboard.press('Control+K');
    await expect(page.getByRole('combobox', { name: /Search the notebook/i })).toBeFocused();
    // The editor is a pane: from the text beside it, Alt+3 goes back into the editor.
    await notebook.articleBody.focus();
    await page.keyboard.press('Alt+3');
    await expect(notebook.claimEditor.getByRole('combobox', { name: 'Actors' })).toBeFocused();
  });
});
