import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGREE_CLASH_HEADING, NOTES_HEADING } from '../../../../electron/core/briefs/generate';
import { goldClaims, openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

type Node = { type: string; attrs?: Record<string, unknown>; content?: Node[]; text?: string };

/** Every node of a document in order, depth first. */
function nodes(doc: Node): Node[] {
  return [doc, ...(doc.content ?? []).flatMap(nodes)];
}
const plain = (node: Node): string => (node.text ?? '') + (node.content ?? []).map(plain).join('');

/** The top-level blocks between one level-2 heading and the next. */
function section(doc: Node, title: string): Node[] {
  const blocks = doc.content ?? [];
  const start = blocks.findIndex((n) => n.type === 'heading' && n.attrs?.level === 2 && plain(n) === title);
  if (start < 0) return [];
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((n) => n.type === 'heading' && n.attrs?.level === 2);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('generateBrief', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  it('drafts the sample: title, source, issues and actors, every quote cited, the South China Sea clash, notes', async () => {
    const brief = await nb.core.handlers.generateBrief({ articleIds: [nb.sampleId] });
    const doc = brief.doc as Node;
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const blocks = doc.content ?? [];

    expect(blocks[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
    expect(plain(blocks[0]!)).toBe(`Brief: ${article.title}`);
    expect(brief.title).toBe(`Brief: ${article.title}`);
    const sources = plain({ type: 'x', content: section(doc, 'Source') });
    expect(sources).toContain(article.title);
    if (article.source) expect(sources).toContain(article.source);
    expect(article.publishedAt).toBe('2024-12-21');
    expect(sources).toContain('21 December 2024');

    // Every one of the sample's ten quotes is cited, once, with its article.
    const citations = nodes(doc).filter((n) => n.type === 'claimCitation');
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    expect(citations.map((c) => c.attrs?.claimId).sort()).toEqual(claims.map((c) => c.id).sort());
    expect(new Set(citations.map((c) => c.attrs?.quote))).toEqual(new Set(goldClaims().map((g) => g.exact)));
    expect(citations.every((c) => c.attrs?.articleId === nb.sampleId)).toBe(true);

    // Issues in codebook order as level-2 headings, actors as level-3 under them.
    const h2 = blocks.filter((n) => n.type === 'heading' && n.attrs?.level === 2).map(plain);
    expect(h2).toEqual([
      'Source',
      'Taiwan',
      'South China Sea',
      'Trade and economic policy',
      'Artificial intelligence',
      'Bilateral relationship',
      'Bilateral cooperation',
      AGREE_CLASH_HEADING,
      NOTES_HEADING,
    ]);
    const taiwan = section(doc, 'Taiwan');
    expect(taiwan.filter((n) => n.type === 'heading').map(plain)).toEqual(['China', 'United States']);
    expect(plain(taiwan[1]!)).toBe('strongly opposes Taiwan independence');
    expect(taiwan[2]).toMatchObject({ type: 'claimCitation' });

    // The only opposite stances on one proposition: China and the US on the South China Sea.
    const relations = section(doc, AGREE_CLASH_HEADING);
    const clashItems = relations[relations.findIndex((n) => plain(n) === 'Clashes') + 1]!;
    expect(clashItems.content?.map(plain)).toEqual([
      "Clash on China's territorial claims and actions in the South China Sea (South China Sea): China strongly supports; United States opposes.",
    ]);
    const agreeItems = relations[relations.findIndex((n) => plain(n) === 'Agreements') + 1]!;
    expect(agreeItems.content?.map(plain)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Agreement on The talks were constructive \(Bilateral relationship\): China supports; United States supports\.$/),
      ]),
    );
    expect(agreeItems.content).toHaveLength(3);
    expect(plain({ type: 'x', content: relations })).not.toMatch(/Taiwan independence/);

    expect(plain({ type: 'x', content: section(doc, NOTES_HEADING) })).toMatch(/No notes/);
    expect((await nb.core.handlers.listBriefs({})).map((b) => b.id)).toEqual([brief.id]);
  });

  it('drafts from chosen claims, and puts the notes in the notes section', async () => {
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const scs = claims.filter((c) => c.issueId === 'issue-south-china-sea');
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: scs[0]!.id, patch: { note: 'Watch the Second Thomas Shoal.' } });
    const brief = await nb.core.handlers.generateBrief({ claimIds: scs.map((c) => c.id), title: 'SCS only' });
    const doc = brief.doc as Node;
    expect(brief.title).toBe('SCS only');
    expect(nodes(doc).filter((n) => n.type === 'claimCitation')).toHaveLength(2);
    expect(plain({ type: 'x', content: section(doc, NOTES_HEADING) })).toContain('Watch the Second Thomas Shoal.');
    expect(plain({ type: 'x', content: section(doc, AGREE_CLASH_HEADING) })).toMatch(/^ClashesClash on China's territorial/);
    const { citations } = await nb.core.handlers.getBrief({ id: brief.id });
    expect(citations.every((c) => c.state === 'found')).toBe(true);
  });

  it('says so when the articles have no claims, and when nobody meets on a proposition', async () => {
    const imported = await nb.core.handlers.importText({ text: 'A quiet week.\n\nNothing was said by anyone of note.', title: 'Quiet' });
    const brief = await nb.core.handlers.generateBrief({ articleIds: [imported.articleId] });
    const text = plain(brief.doc as Node);
    expect(text).toMatch(/no claims yet/);
    expect(text).toMatch(/No two actors took a position on the same proposition/);
  });
});
