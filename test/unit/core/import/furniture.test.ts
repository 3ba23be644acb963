import { describe, expect, it } from 'vitest';
import { buildWithoutFurniture, classifyFurniture } from '../../../../electron/core/import/furniture';
import { importHtml } from '../../../../electron/core/import/html';
import type { BlockDraft } from '../../../../electron/core/import/types';
import { furnitureTotals, measureFurniture } from './furniture-figures';

describe('page furniture after Readability, on 18 labelled saved pages in 7 languages (14 tuning, 4 held out)', () => {
  const pages = measureFurniture();

  it('labels every block the import produced (kept or removed), so the figures count everything', () => {
    for (const page of pages) expect(page.unlabelled, page.name).toEqual([]);
  });

  it('loses no article text: every labelled paragraph is kept, verbatim', () => {
    for (const page of pages) expect(page.textLost, page.name).toEqual([]);
  });

  it('removes the furniture Readability kept on the pages the rules were written with', () => {
    const totals = furnitureTotals(pages, 'tuning');
    expect(totals.furniture_pages).toBe(14);
    expect(totals.furniture_languages).toBe(7);
    // Readability leaves most furniture in; the classifier takes it out.
    expect(totals.furniture_after_readability).toBeGreaterThan(50);
    expect(totals.furniture_removed_by_classifier).toBe(totals.furniture_after_readability);
    expect(totals.furniture_kept).toBe(0);
  });

  it('on held-out pages (phrasings the rules never saw) removes some furniture and no text', () => {
    const totals = furnitureTotals(pages, 'held-out');
    expect(totals.furniture_heldout_pages).toBe(4);
    expect(totals.furniture_heldout_text_paragraphs_lost).toBe(0);
    // What generalises: the figure is printed by the bench; here only that the rules do something.
    expect(totals.furniture_heldout_removed_by_classifier).toBeGreaterThan(0);
  });
});

describe('classifyFurniture', () => {
  const p = (text: string, extra: Partial<BlockDraft> = {}): BlockDraft => ({ kind: 'paragraph', text, ...extra });
  const story =
    'The minister said the talks would resume next week, after both delegations had consulted their governments on the text agreed so far. '.repeat(
      2,
    );

  it('gives each removal a reason the analyst can read', () => {
    const drafts = [
      p(story),
      p('Subscribe now for unlimited digital access, from $1 a week.'),
      p('Lesen Sie auch: Was die Schuldenbremse verlangt', { linkChars: 30 }),
      p('Continue reading the main story'),
      p('Photograph: Sam Hollis/AFP via Getty Images'),
      p('Facebook Twitter WhatsApp Email'),
      p('Inscrivez-vous à notre newsletter pour recevoir l’actualité.'),
      p(story),
    ];
    expect(classifyFurniture(drafts)).toEqual([
      { index: 1, reason: 'subscription offer' },
      { index: 2, reason: '"Read more" link' },
      { index: 3, reason: '"Continue reading" line' },
      { index: 4, reason: 'photo credit' },
      { index: 5, reason: 'share buttons' },
      { index: 6, reason: 'newsletter sign-up' },
    ]);
  });

  it('takes the list of links under a "Related" heading, and stops at the next text', () => {
    const drafts: BlockDraft[] = [
      p(story),
      { kind: 'heading', level: 3, text: 'Related stories' },
      { kind: 'list-item', text: 'Ports brace for strike', linkChars: 22, level: 1 },
      { kind: 'list-item', text: 'Union ballot backs action', linkChars: 25, level: 1 },
      { kind: 'list-item', text: 'A list item of the story itself', level: 1 },
      p(story),
    ];
    expect(classifyFurniture(drafts).map((v) => v.index)).toEqual([1, 2, 3]);
  });

  it('keeps story sentences that open with furniture words, and long blocks whatever they say', () => {
    const drafts = [
      p(story),
      p('More from the mayor is expected on Tuesday.'),
      p('Read more widely, the councillor urged colleagues, before cutting what people use.'),
      p('Share prices fell on the news.'),
      p('Become a member of the alliance, the minister told Sweden, and the rest will follow.'),
      p(`Subscribe now, the advert said; ${story}`),
      p(story),
    ];
    expect(classifyFurniture(drafts)).toEqual([]);
  });

  it('treats a short all-link teaser as furniture only near the start or end of the article', () => {
    const teaser = p('Ports brace for longest strike in decades', { linkChars: 41 });
    const body = Array.from({ length: 10 }, () => p(story));
    expect(classifyFurniture([...body.slice(0, 5), teaser, ...body.slice(5)])).toEqual([]);
    expect(classifyFurniture([...body, teaser])).toEqual([{ index: 10, reason: 'related link' }]);
  });

  it('records where each removed block stood, as a block boundary of the text', () => {
    const drafts = [p('Share this article'), p('First paragraph.'), p('Subscribe now.'), p('Second paragraph.'), p('Facebook Twitter')];
    const built = buildWithoutFurniture(drafts, classifyFurniture(drafts));
    expect(built.text).toBe('First paragraph.\nSecond paragraph.');
    expect(built.removedBlocks).toEqual([
      { kind: 'paragraph', text: 'Share this article', reason: 'share buttons', at: 0 },
      { kind: 'paragraph', text: 'Subscribe now.', reason: 'subscription offer', at: 17 },
      { kind: 'paragraph', text: 'Facebook Twitter', reason: 'share buttons', at: 34 },
    ]);
  });
});

describe('importHtml keeps the furniture it removed on the document', () => {
  it('as removedBlocks with the reason', () => {
    const story = '<p>' + 'The council voted to keep the library open on Sundays after a long meeting. '.repeat(5) + '</p>';
    const doc = importHtml(
      `<html><body><article>${story}<p>Continue reading the main story</p>${story.replace('council', 'mayor')}</article></body></html>`,
      'page.html',
    );
    expect(doc.text).not.toContain('Continue reading');
    expect(doc.removedBlocks).toEqual([
      { kind: 'paragraph', text: 'Continue reading the main story', reason: '"Continue reading" line', at: doc.blocks[1]!.start },
    ]);
  });
});
