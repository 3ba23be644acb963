import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { addArticle, highlighted, search } from './search-helpers';

/** `count` distinct made-up words starting with `zq` (letters only, so each is one token). */
function zqWords(count: number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: count }, (_, i) => `zq${letters[Math.floor(i / 26)]}${letters[i % 26]}`);
}

describe('search: words, prefixes and phrases in real text', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  it('matches a prefix against every word it starts, however many there are', async () => {
    const common = zqWords(60);
    const first = await addArticle(nb, `Common words: ${common.join(' ')}.`, 'Common one');
    const second = await addArticle(nb, `More of them: ${common.join(' ')}.`, 'Common two');
    const rare = await addArticle(nb, 'Only here: zqrare.', 'Rare one');
    const broad = await search(nb, { query: 'zq*', filters: { kinds: ['article'] } });
    expect(broad.hits.map((h) => h.articleId).sort()).toEqual([first, second, rare].sort());
    expect((await search(nb, { query: 'zqra*', filters: { kinds: ['article'] } })).hits.map((h) => h.articleId)).toEqual([rare]);
    expect((await search(nb, { query: 'zqrare ', filters: { kinds: ['article'] } })).hits.map((h) => h.articleId)).toEqual([rare]);
    // The last word, typed without a space after it, is a prefix too.
    expect((await search(nb, { query: 'zqa', filters: { kinds: ['article'] } })).total).toBe(2);
    // A prefix highlights the whole words it starts.
    expect(highlighted((await search(nb, { query: 'zqra*', filters: { kinds: ['article'] } })).hits[0]!)).toEqual(['zqrare']);
  });

  it('matches phrases the same way in plain ASCII text and in accented text', async () => {
    const accented = await addArticle(
      nb,
      'In Zürich the FOREIGN   Ministry spoke. SÃO PAULO sent the foreign office, ministry staff.',
      'Zürich notes',
    );
    const ascii = await addArticle(nb, 'The Foreign Ministry spoke. Sao Paulo said little. xforeign ministry.', 'Plain notes');
    const find = async (query: string): Promise<string[]> =>
      (await search(nb, { query, filters: { kinds: ['article'] } })).hits.map((h) => h.articleId ?? '').sort();
    expect(await find('"foreign ministry"')).toEqual([accented, ascii].sort());
    expect(await find('"sao paulo"')).toEqual([accented, ascii].sort());
    expect(await find('"são paulo"')).toEqual([accented, ascii].sort());
    expect(await find('"office ministry"')).toEqual([accented]);
    expect(await find('"ministry spoke"')).toEqual([accented, ascii].sort());
    expect(await find('"ministry office"')).toEqual([]);
    expect(await find('"spoke ministry"')).toEqual([]);
    // Whole words only: "xforeign ministry" is not "foreign ministry".
    const onlyX = await addArticle(nb, 'Zürich: xforeign ministry. Plain: yforeign ministry.', 'Edge notes');
    expect(await find('"foreign ministry"')).not.toContain(onlyX);
    // A phrase word written with an accent in the text, long enough for the cached accent check.
    const filler = 'Plain filler words here. '.repeat(60);
    const accentedWord = await addArticle(nb, `${filler} The Fóreign Mini\u0301stry of Zürich. ${filler}`, 'Accent notes');
    expect(await find('"foreign ministry"')).toContain(accentedWord);
    // A non-ASCII letter is part of a word: "Zürich talks" holds no "rich talks".
    const boundary = await addArticle(nb, `${filler} Zürich talks. Türich  talks. ${filler}`, 'Boundary notes');
    expect(await find('"rich talks"')).not.toContain(boundary);
    expect(await find('"zurich talks"')).toContain(boundary);
    expect(await find('"turich tal')).toContain(boundary);
  });

  it('highlights whole words only', async () => {
    await addArticle(nb, 'Taiwanese officials met Taiwan envoys in Zürich; TAIWAN said so.', 'Edges');
    const result = await search(nb, { query: 'taiwan zurich ', filters: { kinds: ['article'] } });
    expect(result.total).toBe(1);
    const words = highlighted(result.hits[0]!);
    expect(words).toEqual(expect.arrayContaining(['Taiwan', 'TAIWAN', 'Zürich']));
    expect(words).not.toContain('Taiwanese');
  });
});
