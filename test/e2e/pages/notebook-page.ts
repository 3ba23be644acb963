import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The sample's gold claims, as shipped with the notebook (resources/sample). */
export interface GoldClaim {
  exact: string;
  actors: string[];
  issue: string;
  stance: string;
}

export function sampleClaims(): GoldClaim[] {
  const file = path.resolve(HERE, '../../../resources/sample/us-china-talks-2024.claims.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { claims: GoldClaim[] }).claims;
}

export function defaultStanceColours(): Map<string, string> {
  const file = path.resolve(HERE, '../../../resources/default-codebook.json');
  const codebook = JSON.parse(readFileSync(file, 'utf8')) as { stances: { label: string; color: string }[] };
  return new Map(codebook.stances.map((s) => [s.label, s.color.toLowerCase()]));
}

/** Page object for the three-pane window: what an analyst sees and does, named in their words. */
export class NotebookPage {
  readonly library: Locator;
  readonly reader: Locator;
  readonly articleBody: Locator;
  readonly sidebar: Locator;
  readonly claimCards: Locator;
  readonly alert: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.library = page.getByRole('navigation', { name: 'Library' });
    this.reader = page.getByRole('main', { name: 'Article' });
    this.articleBody = page.getByTestId('article-body');
    this.sidebar = page.getByRole('complementary', { name: 'Claims' });
    this.claimCards = page.getByTestId('claim-card');
    this.alert = page.locator('.status-errors');
    this.status = page.getByRole('status');
  }

  /** Waits until the open article is drawn with its highlights. */
  async waitForArticle(): Promise<void> {
    await expect(this.articleBody).toBeVisible();
  }

  highlightsOf(claimId: string): Locator {
    return this.articleBody.locator(`mark[data-claims~="${claimId}"]`);
  }

  card(text: string | RegExp): Locator {
    return this.claimCards.filter({ hasText: text });
  }

  /** The claim editor: a pane docked beside the article (a complementary region), not a dialog. */
  get claimEditor(): Locator {
    return this.page.getByRole('complementary', { name: /claim$/i });
  }

  /** The distinct claim ids drawn in the article. */
  async highlightedClaimIds(): Promise<string[]> {
    return this.articleBody
      .locator('mark[data-claims]')
      .evaluateAll((marks) => [...new Set(marks.flatMap((m) => (m.getAttribute('data-claims') ?? '').split(' ').filter(Boolean)))]);
  }

  /** Moves the reader's caret paragraph by paragraph (Ctrl+Down) until it is in the block starting with `prefix`. */
  async caretToParagraph(prefix: string): Promise<void> {
    await this.page.keyboard.press('Alt+2');
    await expect(this.articleBody).toBeFocused();
    for (let i = 0; i < 40; i++) {
      await this.page.keyboard.press('Control+ArrowDown');
      const block = await this.page.evaluate(() => getSelection()?.focusNode?.parentElement?.closest('[data-block-start]')?.textContent ?? '');
      if (block.startsWith(prefix)) return;
    }
    throw new Error(`The caret never reached the paragraph starting "${prefix}".`);
  }

  selectionText(): Promise<string> {
    return this.page.evaluate(() => getSelection()?.toString() ?? '');
  }

  /** Picks an option in a react-aria combobox by typing and pressing Enter. */
  async pickByTyping(label: string | RegExp, text: string, option?: string | RegExp): Promise<void> {
    const box = this.claimEditor.getByRole('combobox', { name: label });
    await box.focus();
    await box.fill(text);
    const choice = this.page.getByRole('option', { name: option ?? text }).first();
    await expect(choice).toBeVisible();
    await box.press('ArrowDown');
    await box.press('Enter');
  }
}
