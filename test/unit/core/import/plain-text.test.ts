import { describe, expect, it } from 'vitest';
import { importPlainText, splitParagraphs } from '../../../../electron/core/import/plain-text';
import { blockTexts, fixtureText } from './fixtures';

describe('importPlainText on the sample article', () => {
  const source = fixtureText('us-china-talks-2024.txt');
  const lines = source.split('\n');
  const doc = importPlainText(source, 'us-china-talks-2024.txt');

  it('reads the dateline as the publication date', () => {
    expect(doc.meta.publishedAt).toBe('2024-12-21');
  });

  it('keeps the standfirst and body paragraphs verbatim, one block per line', () => {
    // Lines 2-11: standfirst and body; line 1 is the dateline, line 12 "Conversation".
    const expected = lines.slice(1, 11);
    expect(blockTexts(doc)).toEqual(expected);
    expect(doc.text).toBe(expected.join('\n'));
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(blockTexts(doc)[1]).toBe(lines[2]);
    expect(blockTexts(doc).at(-1)).toBe(
      'Experts have described the meeting as a success in terms of expressing each other\'s opposite positions and policies on major issues. However, they also noted that the US and China remain "miles apart" on critical issues, and that the most they can get out of the meeting is probably “agree to disagree.”',
    );
  });

  it('drops the trailing lone "Conversation" line', () => {
    expect(lines.at(-1)).toBe('Conversation');
    expect(doc.text).not.toContain('Conversation');
  });

  it('takes the standfirst, and a title from its first sentence cut at a word boundary', () => {
    expect(doc.meta.standfirst).toBe(lines[1]);
    expect(doc.meta.title).toBe(
      'The US and China have agreed to expand military-to-military contact and hold a second round of talks on artificial…',
    );
    expect(doc.meta.title!.length).toBeLessThanOrEqual(120);
    expect(doc.origin).toEqual({ kind: 'text', name: 'us-china-talks-2024.txt' });
  });
});

describe('importPlainText layouts', () => {
  it('uses a headline line as the title and lifts it out of the text', () => {
    const doc = importPlainText(
      'Ferry timetable approved\n21 December 2024\nThe council approved the timetable.\nIt starts in June.\nCommuters welcomed it.',
      'ferry.txt',
    );
    expect(doc.meta).toMatchObject({
      title: 'Ferry timetable approved',
      publishedAt: '2024-12-21',
      standfirst: 'The council approved the timetable.',
    });
    expect(doc.text).toBe('The council approved the timetable.\nIt starts in June.\nCommuters welcomed it.');
  });

  it('rejoins hard-wrapped, blank-line separated paragraphs', () => {
    const text =
      'The council met on Monday and approved\nthe new timetable for the ferry.\n\nIt starts in June, officials said,\nand will be reviewed in the autumn.\n';
    expect(splitParagraphs(text)).toEqual([
      'The council met on Monday and approved the new timetable for the ferry.',
      'It starts in June, officials said, and will be reviewed in the autumn.',
    ]);
  });

  it('has no standfirst without a header, and origin paste for pasted text', () => {
    const doc = importPlainText('One paragraph of text here. Another sentence.\nSecond paragraph.\nThird paragraph.', null);
    expect(doc.meta.standfirst).toBeUndefined();
    expect(doc.meta.title).toBe('One paragraph of text here');
    expect(doc.origin).toEqual({ kind: 'paste', name: null });
  });

  it('keeps a last line that is a sentence', () => {
    const doc = importPlainText('First line.\nSecond line.\nThe end.', null);
    expect(doc.text.endsWith('The end.')).toBe(true);
  });
});

describe('importPlainText keeps the text faithfully', () => {
  it('keeps runs of spaces, line breaks inside a paragraph, and records blank lines and zero-width characters', () => {
    const source =
      'Votes by district\n\nNorth    1,204    52%\nSouth      987    48%\n\n\nThe\u200B count ended at midnight, officials said, after a long day of checking postal ballots by hand in both districts.\n';
    const doc = importPlainText(source, 'votes.txt');
    expect(doc.meta.title).toBe('Votes by district');
    expect(blockTexts(doc)).toEqual([
      'North    1,204    52%',
      'South      987    48%',
      'The count ended at midnight, officials said, after a long day of checking postal ballots by hand in both districts.',
    ]);
    // The two table lines are one paragraph (a line break between them); the rest are paragraphs.
    expect(doc.blocks.map((b) => b.lineBreak ?? false)).toEqual([false, true, false]);
    expect(doc.normalisation).toMatchObject({ collapsedBlankLines: 2, removedZeroWidth: 1, collapsedWhitespace: 0 });
  });
});

describe('splitParagraphs tells wrapped prose from lines that stand alone', () => {
  it('keeps a signature or an address line by line', () => {
    expect(splitParagraphs('The union will vote again on Friday, she said.\n\nMaria Okafor\nChief negotiator\nHarbour Workers Union\n')).toEqual([
      'The union will vote again on Friday, she said.',
      'Maria Okafor',
      'Chief negotiator',
      'Harbour Workers Union',
    ]);
  });
});
