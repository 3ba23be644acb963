import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestAttributions } from '../../../../electron/core/suggest/suggest';
import { RESOURCES } from '../../helpers/temp-notebook';

// Hand-written excerpts, one per pattern, and text that must give nothing.

/** The suggestions as text: what is attributed, to whom, by which cue and mention. */
function found(text: string) {
  return suggestAttributions(text).map((s) => ({
    content: text.slice(s.content.start, s.content.end),
    cue: s.cue ? text.slice(s.cue.start, s.cue.end) : null,
    source: s.source ? text.slice(s.source.start, s.source.end) : null,
    speaker: s.speaker,
    pattern: s.pattern,
  }));
}

describe('claim suggester: patterns', () => {
  it('a quotation with its cue after it in the same sentence', () => {
    expect(found('“We will never give up an inch of our territory,” Wang Yi said on Tuesday.')).toEqual([
      { content: '“We will never give up an inch of our territory,”', cue: 'said', source: 'Wang Yi', speaker: 'Wang Yi', pattern: 'quote' },
    ]);
  });

  it('a quotation whose cue is in the next sentence', () => {
    const text = 'The minister was blunt. “Tariffs hurt farmers on both sides of the Pacific.” Li Qiang said.';
    expect(found(text)).toEqual([
      { content: '“Tariffs hurt farmers on both sides of the Pacific.”', cue: 'said', source: 'Li Qiang', speaker: 'Li Qiang', pattern: 'quote' },
    ]);
  });

  it('a quotation introduced by "NP cue:" in the sentence before', () => {
    const text = 'Sullivan told reporters:\n\n“We compete, but we will not let competition veer into conflict.”';
    expect(found(text)).toEqual([
      {
        content: '“We compete, but we will not let competition veer into conflict.”',
        cue: 'told',
        source: 'Sullivan',
        speaker: 'Sullivan',
        pattern: 'quote',
      },
    ]);
  });

  it('NP cue that clause, the hearer and adverbials skipped', () => {
    expect(found('The defence ministry told reporters on Friday that the drills would continue for another week.')).toEqual([
      {
        content: 'the drills would continue for another week',
        cue: 'told',
        source: 'The defence ministry',
        speaker: 'defence ministry',
        pattern: 'reported',
      },
    ]);
    expect(found('Analysts warned the deal could unravel within months.')[0]).toMatchObject({
      content: 'the deal could unravel within months',
      source: 'Analysts',
    });
  });

  it('clause, NP cue. and clause, cue NP.', () => {
    expect(found('The talks were candid and constructive, the White House said.')).toEqual([
      { content: 'The talks were candid and constructive', cue: 'said', source: 'the White House', speaker: 'White House', pattern: 'inverted' },
    ]);
    expect(found('Beijing has no intention of changing course, said Mao Ning, a foreign ministry spokeswoman.')[0]).toMatchObject({
      content: 'Beijing has no intention of changing course',
      cue: 'said',
      speaker: 'Mao Ning',
      pattern: 'inverted',
    });
  });

  it('a parenthetical cue inside the clause', () => {
    expect(found('The sanctions, the senator said, were long overdue.')[0]).toMatchObject({
      content: 'The sanctions, the senator said, were long overdue',
      source: 'the senator',
      pattern: 'inverted',
    });
  });

  it('according to NP, before or after the clause', () => {
    expect(found('According to the state news agency Xinhua, the two sides signed four agreements.')).toEqual([
      {
        content: 'the two sides signed four agreements',
        cue: 'According to',
        source: 'the state news agency Xinhua',
        speaker: 'Xinhua',
        pattern: 'according-to',
      },
    ]);
    expect(found('Exports fell 7 percent in July, according to customs data.')[0]).toMatchObject({
      content: 'Exports fell 7 percent in July',
      cue: 'according to',
      source: 'customs data',
    });
  });

  it('pronouns and "the minister" resolve to the last named speaker', () => {
    const text = [
      'Foreign Minister Wang Yi said China wanted stable ties with Washington.',
      'He added that Taiwan remained a red line.',
      'The minister said the door to dialogue stayed open.',
    ].join('\n\n');
    expect(found(text).map((s) => [s.source, s.speaker])).toEqual([
      ['Foreign Minister Wang Yi', 'Wang Yi'],
      ['He', 'Wang Yi'],
      ['The minister', 'Wang Yi'],
    ]);
  });

  it('a surname alone is the full name seen before', () => {
    const text = 'Jake Sullivan said the meeting was useful.\n\nSullivan added that more talks were planned for the autumn.';
    expect(found(text).map((s) => s.speaker)).toEqual(['Jake Sullivan', 'Jake Sullivan']);
  });

  it('a floating quotation inherits the speaker of the attributed paragraph before it', () => {
    const text = [
      '“We have made progress on fentanyl,” Sullivan said.',
      '“There is more work to do, and we will hold them to their commitments.”',
    ].join('\n\n');
    const [first, floating] = found(text);
    expect(first).toMatchObject({ speaker: 'Sullivan', pattern: 'quote' });
    expect(floating).toEqual({
      content: '“There is more work to do, and we will hold them to their commitments.”',
      cue: null,
      source: null,
      speaker: 'Sullivan',
      pattern: 'floating',
    });
  });

  it('a quotation going on after its cue in the same paragraph is one turn', () => {
    const text = '“We are ready to talk,” Wang said. “But nobody should underestimate our resolve.”';
    expect(found(text)).toEqual([{ content: text, cue: 'said', source: 'Wang', speaker: 'Wang', pattern: 'quote' }]);
  });

  it('typewriter quotation marks written as two apostrophes', () => {
    const text = "''The market will decide,'' Mr. Rubio said.";
    expect(found(text)[0]).toMatchObject({ content: "''The market will decide,''", speaker: 'Rubio' });
  });
});

describe('claim suggester: nothing to suggest', () => {
  it('a headline, a dateline, a caption', () => {
    expect(found('Biden Says China Talks Were Candid and Useful')).toEqual([]);
    expect(found('WASHINGTON, Aug. 28')).toEqual([]);
    expect(found('Wang Yi speaks during a press conference in Beijing. (AP Photo/Andy Wong)')).toEqual([]);
  });

  it("a reporter's own sentences, and verbs of saying that attribute nothing", () => {
    expect(found('The meeting lasted two days. Both delegations stayed at a lakeside resort outside Beijing.')).toEqual([]);
    expect(found('Officials declined to say when the next round would take place.')).toEqual([]);
    expect(found('Both sides agreed to continue cooperating on climate change.')).toEqual([]);
  });
});

describe('claim suggester: offsets', () => {
  it('are UTF-16 indices into the text exactly as given (byte-order mark, CRLF, astral characters kept)', () => {
    const text = '\uFEFF🌏 Report\r\n\r\n“Prices will rise 😟 next year,” the central bank said.\r\n';
    const [s] = suggestAttributions(text);
    expect(s).toBeDefined();
    expect(text.slice(s!.content.start, s!.content.end)).toBe('“Prices will rise 😟 next year,”');
    expect(text.slice(s!.cue!.start, s!.cue!.end)).toBe('said');
    expect(text.slice(s!.source!.start, s!.source!.end)).toBe('the central bank');
  });

  it('the seed story gives Wang Yi, Wang and the experts, and nothing from its headline or dateline', () => {
    const text = readFileSync(path.join(RESOURCES, 'sample/us-china-talks-2024.txt'), 'utf8');
    const suggestions = found(text);
    expect(suggestions.map((s) => s.speaker)).toEqual(expect.arrayContaining(['Wang Yi', 'Experts']));
    expect(suggestions.find((s) => s.content.startsWith('"China is firmly committed'))).toMatchObject({
      speaker: 'Wang Yi',
      source: "China's Wang Yi",
    });
    expect(suggestions.find((s) => s.content.startsWith('Taiwan independence'))).toMatchObject({ speaker: 'Wang Yi', source: 'Wang' });
    const firstLineEnd = text.indexOf('\n');
    expect(suggestAttributions(text).every((s) => s.content.start > firstLineEnd)).toBe(true);
  });
});
