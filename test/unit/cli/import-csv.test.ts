// Issue 16: `stancebook import FILE.csv --map …`, extra columns kept with each article (ids and
// gold labels can be joined back), tag/collection columns, implausible shapes refused.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../electron/core/bootstrap';
import { RESOURCES, tempDir } from '../helpers/temp-notebook';
import { runIn as run } from './cli-harness';

/** Shaped like FNC-1's bodies joined with stances (Body ID, articleBody, Stance); text written here (CC0). */
const FNC_LIKE = [
  'Body ID,Headline,articleBody,Stance,Topic',
  '712,"Ceasefire holds, monitors say","Monitors said the ceasefire held overnight.\n\nBoth sides reported no shelling; talks resume on Monday.",agree,Ceasefire',
  '158,Talks stall over border,"The talks stalled over the border question, officials said.",disagree,Border',
  '137,Envoy to visit capital,"The envoy will visit the capital next week, the ministry said.",unrelated,Ceasefire',
].join('\n');

describe('stancebook import FILE.csv --map', () => {
  let work: string;
  let data: string;
  beforeEach(async () => {
    work = tempDir('stancebook-cli-csv-');
    data = path.join(work, 'nb');
    expect((await run(work, 'init', data)).code).toBe(0);
  });

  it('imports one article per row, keeps unmapped columns as the article’s source fields, and maps tag and collection columns', async () => {
    writeFileSync(path.join(work, 'fnc.csv'), FNC_LIKE);
    const result = await run(work, 'import', 'fnc.csv', '--map', 'text=articleBody,title=Headline,tags=Stance,collections=Topic', '--data', data);
    expect(result.code, result.err).toBe(0);
    expect(result.out.split('\n')).toEqual([
      expect.stringMatching(/^imported fnc\.csv row 2: art_\S+ Ceasefire holds, monitors say$/),
      expect.stringMatching(/^imported fnc\.csv row 3: art_\S+ Talks stall over border$/),
      expect.stringMatching(/^imported fnc\.csv row 4: art_\S+ Envoy to visit capital$/),
    ]);
    const core = await openNotebookCore(data, { resourcesDir: RESOURCES });
    try {
      const summaries = core.store.listArticles();
      const first = summaries.find((a) => a.title === 'Ceasefire holds, monitors say')!;
      expect(first).toMatchObject({ tags: ['agree'], collections: ['Ceasefire'] });
      const { article } = await core.handlers.getArticle({ id: first.id });
      expect(article.sourceFields).toEqual({ 'Body ID': '712' });
      expect(article.text).toBe('Monitors said the ceasefire held overnight.\nBoth sides reported no shelling; talks resume on Monday.');
      // "Ceasefire" as a collection is one collection across rows.
      expect(summaries.filter((a) => a.collections.includes('Ceasefire'))).toHaveLength(2);
    } finally {
      await core.close();
    }
  });

  it('without --map, lists the columns and suggests a mapping (articleBody recognised) and imports nothing', async () => {
    writeFileSync(path.join(work, 'fnc.csv'), FNC_LIKE);
    const result = await run(work, 'import', 'fnc.csv', '--data', data);
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'error fnc.csv: fnc.csv is a table of 3 rows; say which column is which with --map. Its columns: "Body ID", "Headline", "articleBody", "Stance", "Topic". Suggested: --map text=articleBody,title=Headline',
    );
    expect(JSON.parse((await run(work, 'list', '--json', '--data', data)).out)).toEqual([]);
  });

  it('refuses a file whose records are wrapped in one quoted field, with the reason, importing nothing', async () => {
    const wrapped = [
      '"Body ID,articleBody,Stance"',
      ...Array.from({ length: 6 }, (_, i) => `"${i},""Text number ${i}; with a semicolon; and more"",agree"`),
    ].join('\n');
    writeFileSync(path.join(work, 'wrapped.csv'), wrapped);
    const result = await run(work, 'import', 'wrapped.csv', '--map', 'text=Body ID', '--data', data);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^error wrapped\.csv: wrapped\.csv reads as one wide column, but 6 of its 6 rows hold "[,;]" characters: its records may be wrapped in quotes/,
    );
    expect(JSON.parse((await run(work, 'list', '--json', '--data', data)).out)).toEqual([]);
  });

  it('refuses a table with most columns empty (the delimiter misread), and a --map it cannot read', async () => {
    const sparse = ['a,b,c,d,e', ...Array.from({ length: 6 }, (_, i) => `Row ${i} text here,,,,`)].join('\n');
    writeFileSync(path.join(work, 'sparse.csv'), sparse);
    const result = await run(work, 'import', 'sparse.csv', '--map', 'text=a', '--data', data);
    expect(result.out).toMatch(
      /sparse\.csv has 4 of 5 columns empty in nearly every row \("b", "c", "d", "e"\): the delimiter or the header row may have been misread/,
    );
    expect(await run(work, 'import', 'sparse.csv', '--map', 'body=a', '--data', data)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--map: "body=a" is not FIELD=COLUMN'),
    });
  });
});
