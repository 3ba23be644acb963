/** A short phrase the article repeats must stay on the occurrence the analyst chose. */
import { describe, expect, it } from 'vitest';
import { RELOCATE_THRESHOLD, anchorTarget, describeRange } from '../../../../shared/anchoring';
import { ARTICLE, paragraphs } from './article-fixture';

function occurrences(text: string, phrase: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) found.push(at);
  return found;
}

describe('a repeated phrase', () => {
  const phrase = 'peace and stability';
  const [first, second] = occurrences(ARTICLE, phrase);
  const claimOnSecond = describeRange(ARTICLE, second!, second! + phrase.length);

  it('occurs exactly twice in the article, in the Taiwan paragraph', () => {
    expect(occurrences(ARTICLE, phrase)).toHaveLength(2);
    expect(claimOnSecond.quote.prefix).toBe('d the importance of maintaining ');
  });

  it('text inserted before both: the claim follows the second occurrence', () => {
    const inserted = 'Beijing had hosted the talks at a state guesthouse. ';
    const at = ARTICLE.indexOf('The two sides also discussed');
    const text = ARTICLE.slice(0, at) + inserted + ARTICLE.slice(at);
    const result = anchorTarget(text, claimOnSecond);
    expect(result).toMatchObject({ status: 'relocated', start: second! + inserted.length });
    expect(result.score).toBeGreaterThan(0.95);
  });

  it('text inserted between the two, so that the first now sits nearer the old position: context wins', () => {
    const inserted = ' Chinese officials repeated that the island is part of China, a position the US acknowledges but does not endorse.';
    const at = ARTICLE.indexOf(' The US, however, emphasized');
    const text = ARTICLE.slice(0, at) + inserted + ARTICLE.slice(at);
    const newSecond = second! + inserted.length;
    expect(Math.abs(first! - second!)).toBeLessThan(Math.abs(newSecond - second!));
    const result = anchorTarget(text, claimOnSecond);
    expect(result).toMatchObject({ status: 'relocated', start: newSecond, end: newSecond + phrase.length });
  });

  it('the second occurrence deleted: not silently moved onto the first, which is offered for review', () => {
    const text = ARTICLE.replace(' The US, however, emphasized the importance of maintaining peace and stability across the Taiwan Strait.', '');
    expect(occurrences(text, phrase)).toEqual([first]);
    const result = anchorTarget(text, claimOnSecond);
    // The verbatim twin has none of the claim's neighbours: either orphaned (offering the twin) or
    // placed there only as needs-review, never as a trusted placement.
    if (result.status === 'orphaned') {
      expect(result.bestCandidate).toEqual({ start: first, end: first! + phrase.length });
    } else {
      expect(result).toMatchObject({ start: first, end: first! + phrase.length });
      expect(result.review).toContain('context-changed');
    }
    expect(result.score).toBeLessThan(RELOCATE_THRESHOLD + 0.3);
  });

  it('"South China Sea" on its third mention follows its paragraph when paragraphs are reordered', () => {
    const sea = 'South China Sea';
    const mentions = occurrences(ARTICLE, sea);
    expect(mentions.length).toBeGreaterThanOrEqual(4);
    const claim = describeRange(ARTICLE, mentions[2]!, mentions[2]! + sea.length);
    const p = paragraphs();
    const owner = p.findIndex(
      (paragraph) => ARTICLE.indexOf(paragraph) <= mentions[2]! && mentions[2]! < ARTICLE.indexOf(paragraph) + paragraph.length,
    );
    // Move its paragraph after the AI paragraph: both neighbours change, the phrase's own
    // sentence ("On the South China Sea, China's Wang Yi ...") comes along.
    const rest = p.filter((_, i) => i !== owner);
    const after = rest.findIndex((paragraph) => paragraph.startsWith('Despite the ongoing'));
    const reordered = [...rest.slice(0, after + 1), p[owner]!, ...rest.slice(after + 1)].join('\n');
    const expected = reordered.indexOf(p[owner]!) + mentions[2]! - ARTICLE.indexOf(p[owner]!);
    expect(occurrences(reordered, sea)).toContain(expected);
    const result = anchorTarget(reordered, claim);
    expect(result).toMatchObject({ status: 'relocated', start: expected, end: expected + sea.length });
  });
});
