import { describe, expect, it } from 'vitest';
import { shownStandfirst } from '../../../../renderer/src/features/reader/standfirst';

const article = (text: string, standfirst: string | null) => {
  const first = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
  return { text, standfirst, blocks: [{ kind: 'paragraph' as const, start: 0, end: first }] };
};

describe('shownStandfirst', () => {
  it('hides a standfirst equal to the first paragraph, or the start of it (spacing and case aside)', () => {
    expect(shownStandfirst(article('The talks ended.\nMore text.', 'The talks ended.'))).toBeNull();
    expect(shownStandfirst(article('The talks ended in Beijing on Wednesday.\nMore.', 'The  talks ended'))).toBeNull();
  });

  it('shows a standfirst that says something else, and nothing when there is none', () => {
    expect(shownStandfirst(article('Officials met on Tuesday.\nMore.', 'A summit of few results'))).toBe('A summit of few results');
    expect(shownStandfirst(article('Officials met.', null))).toBeNull();
    expect(shownStandfirst(article('Officials met.', '   '))).toBeNull();
  });
});
