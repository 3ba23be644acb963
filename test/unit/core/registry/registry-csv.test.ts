import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type MethodName, type RequestOf, type ResponseOf } from '../../../../shared/api';
import { openTempNotebook, settledSnapshot, type TempNotebook } from '../../helpers/temp-notebook';

describe('the actor registry as CSV', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook({ sample: false });
  });
  afterEach(() => nb.cleanup());

  async function call<K extends MethodName>(method: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const result = await dispatch(nb.core.handlers, method, request);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ResponseOf<K>;
  }
  const actor = (name: string) => nb.core.store.getCodebook().actors.find((a) => a.name === name);

  it('exports names, aliases, attributes and the parent by name; a formula-like cell is guarded', async () => {
    const h = nb.core.handlers;
    const mfa = await h.createActor({
      name: 'Foreign Ministry',
      kind: 'government',
      country: 'China',
      parentId: 'actor-china',
      wikidataId: 'Q1066420',
      notes: 'MFA, "Waijiaobu"',
    });
    await h.createActor({ name: '-minus group', kind: 'group' });
    await h.createActor({ name: 'Qin Gang', kind: 'person', parentId: mfa.id, affiliation: 'CCP' });
    const file = await call('exportRegistry', {});
    expect(file.filename).toBe('actor-registry.csv');
    expect(file.content.startsWith('\uFEFFname,aliases,kind,country,affiliation,parent,wikidata,notes,color\r\n')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(file.content.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.name === 'Foreign Ministry')).toEqual({
      name: 'Foreign Ministry',
      aliases: '',
      kind: 'government',
      country: 'China',
      affiliation: '',
      parent: 'China',
      wikidata: 'Q1066420',
      notes: 'MFA, "Waijiaobu"',
      color: '',
    });
    expect(rows.find((r) => r.name === 'Qin Gang')).toMatchObject({ parent: 'Foreign Ministry', affiliation: 'CCP', kind: 'person' });
    expect(rows.find((r) => r.name === 'China')!.aliases).toBe('PRC; Beijing; Wang Yi; Wang; Xi Jinping; Xi');
    expect(rows.some((r) => r.name === "'-minus group")).toBe(true);
  });

  it('round-trips: the exported file imported into another notebook gives the same registry', async () => {
    const h = nb.core.handlers;
    const mfa = await h.createActor({
      name: 'Foreign Ministry',
      kind: 'government',
      country: 'China',
      parentId: 'actor-china',
      wikidataId: 'Q1066420',
    });
    await h.createActor({ name: 'Qin Gang', kind: 'person', parentId: mfa.id, aliases: ['Minister Qin'], notes: 'line one\nline two' });
    await h.createActor({ name: '-minus group', kind: 'group' });
    await h.updateActor({ id: 'actor-china', patch: { kind: 'government', country: 'China', color: '#aa0000' } });
    const file = await call('exportRegistry', {});
    const other = await openTempNotebook({ sample: false });
    try {
      const result = await dispatch(other.core.handlers, 'importRegistry', { text: file.content });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const value = result.value as ResponseOf<'importRegistry'>;
      expect(value.created.map((c) => c.name)).toEqual(['Foreign Ministry', 'Qin Gang', '-minus group']);
      // China matched by name: it took kind, country and colour; the other default actors were already so.
      expect(value.updated).toEqual([{ row: 3, name: 'China', fields: ['kind', 'country', 'color'] }]);
      expect(value.skipped.map((s) => s.name)).toEqual(['United States', 'Experts', 'Russia', 'Philippines', 'Taiwan']);
      const strip = (actors: { id: string; parentId?: string | null }[], names: Map<string, string>) =>
        actors.map(({ id: _id, parentId, ...rest }) => ({ ...rest, parent: parentId ? names.get(parentId) : null }));
      const mine = nb.core.store.getCodebook().actors;
      const theirs = other.core.store.getCodebook().actors;
      const norm = (list: typeof mine) =>
        strip(list, new Map(list.map((a) => [a.id, a.name]))).map((a) =>
          Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null && v !== undefined)),
        );
      expect(norm(theirs)).toEqual(norm(mine));
    } finally {
      await other.cleanup();
    }
  });

  it('matches rows by name or alias, fills only the cells given, resolves parents named later in the file', async () => {
    await nb.core.handlers.updateActor({ id: 'actor-china', patch: { country: 'China', notes: 'kept' } });
    const csv = [
      'Name,Alias,Type,Party,Parent actor,QID,Unknown column',
      'Qin Gang,Minister Qin,individual,CCP,Foreign Ministry,,x',
      'Beijing,,State,,,https://www.wikidata.org/wiki/Q148,',
      '',
      'Foreign Ministry,MFA,government or state,,PRC,,',
    ].join('\n');
    const report = await call('importRegistry', { text: csv });
    expect(report).toEqual({
      created: [
        { row: 2, name: 'Qin Gang' },
        { row: 5, name: 'Foreign Ministry' },
      ],
      updated: [{ row: 3, name: 'China', fields: ['kind', 'wikidata'] }],
      skipped: [{ row: 4, name: null, reason: 'blank row' }],
      ignoredColumns: ['Unknown column'],
    });
    expect(actor('China')).toMatchObject({ kind: 'government', country: 'China', notes: 'kept', wikidataId: 'Q148' });
    expect(actor('Foreign Ministry')).toMatchObject({ parentId: 'actor-china', aliases: ['MFA'], kind: 'government' });
    expect(actor('Qin Gang')).toMatchObject({
      parentId: actor('Foreign Ministry')!.id,
      kind: 'person',
      affiliation: 'CCP',
      aliases: ['Minister Qin'],
    });
    // Again: nothing to change, every row skipped with its reason; a dry run stores nothing either.
    const again = await call('importRegistry', { text: csv, dryRun: true });
    expect(again.created).toEqual([]);
    expect(again.skipped.filter((s) => s.name !== null).map((s) => [s.row, s.reason])).toEqual([
      [2, 'already as the file says'],
      [3, 'already as the file says'],
      [5, 'already as the file says'],
    ]);
  });

  it('a dry run reports without storing', async () => {
    const before = await settledSnapshot(nb);
    const report = await call('importRegistry', { text: 'name,kind\nNew actor,party\n', dryRun: true });
    expect(report.created).toEqual([{ row: 2, name: 'New actor' }]);
    expect(await settledSnapshot(nb)).toEqual(before);
    expect(actor('New actor')).toBeUndefined();
  });

  it('refuses a file with bad rows, naming each row and reason, and stores nothing', async () => {
    const before = await settledSnapshot(nb);
    const csv = [
      'name,aliases,kind,parent,wikidata,color',
      'Good one,,person,,,', // fine alone, but the file is refused whole
      ',,person,,,',
      'Bad kind,,nation,,,',
      'Bad qid,,,,Q01,',
      'Lost child,,,Nobody,,',
      'Stolen alias,Beijing,,,,',
      'good ONE,,,,,',
      'Self,,,Self,,',
      'Loop A,,,Loop B,,',
      'Loop B,,,Loop A,,',
      'Red,,,,,red',
    ].join('\r\n');
    const result = await dispatch(nb.core.handlers, 'importRegistry', { text: csv });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const message = result.error.message;
    expect(message).toMatch(/^The registry file was not imported: 10 rows are refused .* Nothing was changed/);
    expect(message).toContain('row 3: has no name');
    expect(message).toContain('row 4: the kind "nation" is not one of person, organisation, government, party, group, other');
    expect(message).toContain('row 5: "Q01" is not a Wikidata id');
    expect(message).toContain('row 6: the parent "Nobody" is neither an actor of the notebook nor a row of the file');
    expect(message).toContain('row 7: the alias "Beijing" already means the actor "China"');
    expect(message).toContain('row 8: names the actor "Good one" again (row 2)');
    expect(message).toContain('row 9: "Self" cannot be its own parent');
    expect(message).toContain('row 10: its parents make a cycle (Loop A → Loop B → Loop A)');
    expect(message).toContain('row 11: its parents make a cycle (Loop B → Loop A → Loop B)');
    expect(message).toContain('row 12: the colour "red" is not #rrggbb');
    expect(await settledSnapshot(nb)).toEqual(before);
  });

  it('refuses a file that is not a registry, saying what the first row must be', async () => {
    await expect(call('importRegistry', { text: '' })).rejects.toThrow(/empty/);
    await expect(call('importRegistry', { text: 'title,text\nA,B\n' })).rejects.toThrow(/no "name" column \(it reads: "title", "text"\)/);
    await expect(call('importRegistry', { text: 'name,Name\nA,B\n' })).rejects.toThrow(/two "name" columns/);
  });
});
