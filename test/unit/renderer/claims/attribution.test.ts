import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodebookSchema, type Actor } from '../../../../shared/model';
import { findAttribution, sentenceAround } from '../../../../renderer/src/features/claims/attribution';

const actors: Actor[] = CodebookSchema.parse(JSON.parse(readFileSync('resources/default-codebook.json', 'utf8'))).actors;
const sample = readFileSync('resources/sample/us-china-talks-2024.txt', 'utf8');

/** The attribution of the selection `quote` inside `text`. */
function attributionOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  expect(start, `"${quote}" is in the text`).toBeGreaterThanOrEqual(0);
  const found = findAttribution(text, start, start + quote.length, actors);
  return found && { speaker: found.speaker, actor: found.actor?.name ?? null };
}

describe('findAttribution (speaker prefill)', () => {
  it('names the speaker and their actor in the sample article', () => {
    expect(attributionOf(sample, 'China is firmly committed to safeguarding')).toEqual({ speaker: 'Wang Yi', actor: 'China' });
    expect(attributionOf(sample, 'destabilizing actions')).toEqual({ speaker: 'Sullivan', actor: 'United States' });
    expect(attributionOf(sample, 'Taiwan independence is the biggest risk')).toEqual({ speaker: 'Wang', actor: 'China' });
    expect(attributionOf(sample, 'the importance of maintaining peace')).toEqual({ speaker: 'the US', actor: 'United States' });
    expect(attributionOf(sample, 'suppressing')).toEqual({ speaker: 'China', actor: 'China' });
    expect(attributionOf(sample, 'the meeting as a success')).toEqual({ speaker: 'Experts', actor: 'Experts' });
  });

  it('reads a trailing attribution: "…, Wang Yi said" and "…, said Wang Yi"', () => {
    const text = 'Intro line.\n“Taiwan is part of China,” Wang Yi said on Monday. Other news followed.';
    expect(attributionOf(text, 'Taiwan is part of China')).toEqual({ speaker: 'Wang Yi', actor: 'China' });
    const inverted = 'The talks must go on, said Jake Sullivan. Nothing else.';
    expect(attributionOf(inverted, 'The talks must go on')).toEqual({ speaker: 'Jake Sullivan', actor: 'United States' });
    const according = 'Tariffs will rise, according to Manila officials.';
    expect(attributionOf(according, 'Tariffs will rise')).toEqual({ speaker: 'Manila', actor: 'Philippines' });
  });

  it('keeps the person from a title and finds the actor through the possessor or an alias', () => {
    const text = 'US National Security Adviser Jake Sullivan said the channel stays open.';
    expect(attributionOf(text, 'the channel stays open')).toEqual({ speaker: 'Jake Sullivan', actor: 'United States' });
    const unknown = "Germany's Olaf Scholz warned that the tariffs hurt everyone.";
    expect(attributionOf(unknown, 'the tariffs hurt everyone')).toEqual({ speaker: 'Olaf Scholz', actor: null });
  });

  it('proposes nothing when the sentence attributes the words to no one by name', () => {
    expect(attributionOf(sample, 'The first round of talks was held in Geneva')).toBeNull();
    expect(attributionOf('They said the talks failed. China agreed.', 'the talks failed')).toBeNull();
    // A name in the previous sentence does not attribute this one.
    expect(attributionOf('Wang Yi said nothing. The talks were long.', 'The talks were long')).toBeNull();
  });

  it('finds the sentence around a selection', () => {
    const text = 'First one. Second, with Wang Yi. Third!';
    const start = text.indexOf('with');
    const { from, to } = sentenceAround(text, start, start + 4);
    expect(text.slice(from, to)).toBe('Second, with Wang Yi.');
    // A selection of a whole sentence, full stop included, is that sentence, not the next one too.
    const whole = text.indexOf('Second');
    const sentence = sentenceAround(text, whole, whole + 'Second, with Wang Yi.'.length);
    expect(text.slice(sentence.from, sentence.to)).toBe('Second, with Wang Yi.');
  });
});
