import { describe, expect, it } from 'vitest';
import { codeOptions, exactEntry, type CodeEntry } from '../../../../renderer/src/features/claims/code-options';

const actors: CodeEntry[] = [
  { key: 'cn', name: 'China', aliases: ['Beijing', 'Wang Yi'] },
  { key: 'ph', name: 'Philippines', aliases: ['Manila'] },
  { key: 'us', name: 'United States', aliases: ['US', 'Washington'] },
];
const show = (text: string, exclude?: Set<string>) =>
  codeOptions(actors, text, exclude).map((o) => (o.kind === 'create' ? `+${o.name}` : o.entry.key));

describe('codeOptions (codes created where you code)', () => {
  it('offers "Create" first for text no entry starts with', () => {
    expect(show('Vietnam')).toEqual(['+Vietnam']);
    expect(show('  Hanoi   officials ')).toEqual(['+Hanoi officials']);
    // "ing" is inside "Beijing" and "Washington", but no name starts with it.
    expect(show('ing')).toEqual(['+ing', 'cn', 'us']);
  });

  it('puts the entry being typed first, create second', () => {
    expect(show('Phil')).toEqual(['ph', '+Phil']);
    // Two entries start with "wa" (Wang Yi, Washington): the first is first, create follows it.
    expect(show('wa')).toEqual(['cn', '+wa', 'us']);
    expect(show('Wash')).toEqual(['us', '+Wash']);
  });

  it('offers no create for an exact name or alias, in any case', () => {
    expect(show('beijing')).toEqual(['cn']);
    expect(show('UNITED STATES')).toEqual(['us']);
    expect(exactEntry(actors, ' manila ')?.key).toBe('ph');
    expect(exactEntry(actors, '')).toBeUndefined();
  });

  it('lists every entry for empty text, leaving out those already chosen', () => {
    expect(show('')).toEqual(['cn', 'ph', 'us']);
    expect(show('', new Set(['ph']))).toEqual(['cn', 'us']);
    // A chosen entry still counts as existing: typing its name offers no duplicate.
    expect(show('China', new Set(['cn']))).toEqual([]);
  });
});
