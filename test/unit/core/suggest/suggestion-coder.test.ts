import { describe, expect, it } from 'vitest';
import type { Codebook } from '../../../../shared/model';
import { suggestionCoder } from '../../../../electron/core/suggest/coding';

function codebook(
  actors: { id: string; name: string; aliases?: string[] }[],
  issues: { id: string; name: string; propositions?: string[] }[] = [],
): Codebook {
  return {
    actors: actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases ?? [], color: null })),
    issues: issues.map((i) => ({ id: i.id, name: i.name, propositions: i.propositions ?? [], parentId: null })),
    stances: [],
  } as unknown as Codebook;
}

/** The rule as it was written before (a regular expression per phrase), to compare against. */
function norm(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}
function containsPhraseByRegex(text: string, phrase: string): boolean {
  const p = norm(phrase);
  if (!p) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(norm(text));
}

describe('the coding a suggestion proposes', () => {
  const book = codebook(
    [
      { id: 'cn', name: 'China', aliases: ['Beijing', 'PRC'] },
      { id: 'wy', name: 'Wang Yi', aliases: ['Mr. Wang'] },
      { id: 'us', name: 'United States', aliases: ['Washington', 'US'] },
    ],
    [
      { id: 'tw', name: 'Taiwan', propositions: ['Taiwan independence'] },
      { id: 'scs', name: 'South China Sea', propositions: ['freedom of navigation'] },
    ],
  );
  const coder = suggestionCoder(book);

  it('finds the actor by its name or alias, exactly, inside the speaker, or in the source mention', () => {
    expect(coder.actorForSpeaker('  wang   YI ', null)).toBe('wy'); // exact, case and spacing ignored
    expect(coder.actorForSpeaker('US', null)).toBe('us'); // a two-letter alias, exactly
    expect(coder.actorForSpeaker('a spokesman for Beijing', null)).toBe('cn'); // inside, as words
    expect(coder.actorForSpeaker('Mr. Wang’s office', null)).toBe('wy');
    expect(coder.actorForSpeaker('the spokesman', "China's foreign ministry")).toBe('cn'); // the source names it
    expect(coder.actorForSpeaker('the spokesman', 'Chinatown traders')).toBeNull(); // not as a whole word
    expect(coder.actorForSpeaker('our US partners', null)).toBeNull(); // names of two letters only exactly
    expect(coder.actorForSpeaker('someone', null)).toBeNull();
  });

  it('finds the issue by its longest name or proposition in the content', () => {
    expect(coder.issueForContent('He warned against Taiwan independence.')).toBe('tw');
    expect(coder.issueForContent('Patrols in the South China Sea assure freedom of navigation')).toBe('scs');
    expect(coder.issueForContent('Taiwanese voters went to the polls')).toBeNull();
  });

  it('matches whole words as the regular expression per phrase did, on many random texts', () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    // Letters, digits, an astral letter (a surrogate pair), a combining-free accented letter, spaces and punctuation.
    const alphabet = ['a', 'b', 'ab', 'A', '1', ' ', '  ', '.', "'", '’', '𝒜', 'é', '-', 'ba'];
    const piece = (n: number) => Array.from({ length: n }, () => alphabet[rand(alphabet.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const phrase = piece(1 + rand(3));
      const text = piece(rand(12));
      const names = [`${phrase}zzz`, phrase];
      const coderOf = suggestionCoder(codebook([{ id: 'x', name: names[0]!, aliases: [names[1]!] }]));
      // A name matches exactly, or (when longer than two characters) as whole words inside the speaker.
      const expected = names.some((n) => norm(text) === norm(n) || (n.length > 2 && containsPhraseByRegex(text, n)));
      expect(coderOf.actorForSpeaker(text, null) === 'x', `${JSON.stringify(phrase)} in ${JSON.stringify(text)}`).toBe(expected);
    }
  });
});
