/**
 * The anchoring benchmark's corrected rule (docs/decisions/0013, the update "fourth round: the claim's sentence"): a claim whose true
 * span keeps under a third of its words was rewritten past recognition. A copy-editor's change
 * to a word (a typo, a plural, a spelling) still counts as the word.
 */
import { describe, expect, it } from 'vitest';
import { rewrittenPastRecognition, wordsStanding } from '../../bench/anchor-edits';

describe('wordsStanding and rewrittenPastRecognition', () => {
  it('counts the claim words still standing in order, without case', () => {
    expect(wordsStanding('the hospital had 70 unfilled nursing posts', 'the hospital had 70 unfilled nursing posts')).toBe(1);
    expect(wordsStanding('We cannot spend money we do not', 'We force President spend amended money governing not')).toBeCloseTo(4 / 7);
    expect(wordsStanding('spend money we', 'emphasized roughly lawful')).toBe(0);
    expect(wordsStanding('Frans Mollen.', 'Frans mollen.')).toBe(1);
  });

  it('a copy-editor\u2019s change is still the word; a different word is not', () => {
    expect(wordsStanding('the country relationship', 'the counrty relationships')).toBe(1);
    expect(wordsStanding('analyse the centre', 'analyze the center')).toBe(1);
    expect(wordsStanding('cuts funding', 'cuts Biden')).toBe(0.5);
  });

  it('under a third of the words is rewritten past recognition; a third or more is the claim edited', () => {
    expect(rewrittenPastRecognition('the municipal', 'Biden')).toBe(true);
    expect(rewrittenPastRecognition('carried them for a while', 'constructive Vast Closing a warned vaccine')).toBe(true);
    expect(rewrittenPastRecognition('In Arveland', 'In opposite')).toBe(false);
    expect(rewrittenPastRecognition('the hospital had 70 unfilled nursing posts', 'speaking hospital release 70 executive waters Joe')).toBe(true);
    expect(rewrittenPastRecognition('who he said would', 'who its said ships')).toBe(false);
  });
});
