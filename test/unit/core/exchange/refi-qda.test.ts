import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCodePointOffset, fromCodePointOffset } from '../../../../electron/core/exchange/code-points';
import { ROOT, openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { hasTool, xmllintErrors } from './tools';

const XSD = path.join(ROOT, 'test/fixtures/standards/refi-qda');
const HAS_XMLLINT = hasTool('xmllint');
const TEXT = 'Opening line 🦊🦊 with foxes.\nThe fox council firmly opposes new fences in the valley, its speaker said.';

describe('REFI-QDA exchange', () => {
  let nb: TempNotebook;
  let articleId: string;
  beforeAll(async () => {
    nb = await openTempNotebook();
    articleId = (await nb.core.handlers.importText({ text: TEXT, title: 'Foxes & <fences>' })).articleId;
    const { article } = await nb.core.handlers.getArticle({ id: articleId });
    const quote = 'firmly opposes new fences';
    const start = article.text.indexOf(quote);
    const codebook = await nb.core.handlers.getCodebook({});
    await nb.core.handlers.createClaim({
      articleId,
      start,
      end: start + quote.length,
      coding: {
        actorIds: [codebook.actors[0]!.id],
        issueId: codebook.issues[0]!.id,
        stanceId: codebook.stances[0]!.id,
        note: 'A & B <c>',
        tags: ['fauna'],
      },
    });
  });
  afterAll(() => nb.cleanup());

  it('counts code points, not UTF-16 units', () => {
    const text = 'a🦊b';
    expect(toCodePointOffset(text, 3)).toBe(2);
    expect(fromCodePointOffset(text, 2)).toBe(3);
    expect(toCodePointOffset(text, text.length)).toBe(3);
  });

  it.skipIf(!HAS_XMLLINT)('the .qdc codebook is valid against Codebook.xsd (and the validator rejects a broken one)', async () => {
    const file = await nb.core.handlers.exportCodebook({ format: 'qdc' });
    expect(xmllintErrors(file.content, path.join(XSD, 'Codebook.xsd'))).toBe('');
    expect(file.content).toContain('name="Actors" isCodable="false"');
    expect(xmllintErrors(file.content.replace('isCodable="false"', ''), path.join(XSD, 'Codebook.xsd'))).not.toBe('');
  });

  it.skipIf(!HAS_XMLLINT)('the .qdpx project is valid against Project.xsd, with positions in code points', async () => {
    const file = await nb.core.handlers.exportAnnotations({ format: 'qdpx' });
    expect(file.encoding).toBe('base64');
    const zip = await JSZip.loadAsync(Buffer.from(file.content, 'base64'));
    const project = await zip.file('project.qde')!.async('string');
    expect(xmllintErrors(project, path.join(XSD, 'Project.xsd'))).toBe('');
    const source = [...project.matchAll(/<TextSource [^>]*guid="([^"]+)"[^>]*name="Foxes &amp; &lt;fences&gt;"/g)][0];
    expect(source).toBeDefined();
    const guid = source![1]!;
    const text = await zip.file(`sources/${guid}.txt`)!.async('string');
    expect(text).toBe((await nb.core.handlers.getArticle({ id: articleId })).article.text);
    const block = project.slice(project.indexOf(`guid="${guid}"`));
    const selection = /<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"/.exec(block)!;
    const start = Number(selection[1]);
    const end = Number(selection[2]);
    // Slicing by code points gives the quote back; UTF-16 slicing (off by the two emoji) would not.
    expect([...text].slice(start, end).join('')).toBe('firmly opposes new fences');
    expect(text.slice(start, end)).not.toBe('firmly opposes new fences');
    expect(block).toMatch(/<Coding [^>]*>\s*<CodeRef targetGUID="[0-9a-f-]{36}"\/>/);
    expect(block).toContain('Note: A &amp; B &lt;c&gt;');
  });

  it('codebook JSON exports and re-imports (validated), adding only what is missing', async () => {
    const file = await nb.core.handlers.exportCodebook({ format: 'json' });
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    expect(await nb.core.handlers.importCodebook({ name: 'codebook.json', dataBase64: b64(file.content) })).toEqual({
      actors: 0,
      issues: 0,
      stances: 0,
      tags: 0,
    });
    const parsed = JSON.parse(file.content);
    parsed.codebook.actors.push({ id: 'actor-new', name: 'Brand New Actor', aliases: [], color: null });
    parsed.codebook.issues.push({ id: 'issue-child', name: 'Child issue', parentId: parsed.codebook.issues[0].id, propositions: [] });
    expect(await nb.core.handlers.importCodebook({ name: 'c.json', dataBase64: b64(JSON.stringify(parsed)) })).toEqual({
      actors: 1,
      issues: 1,
      stances: 0,
      tags: 0,
    });
    const codebook = await nb.core.handlers.getCodebook({});
    expect(codebook.actors.some((a) => a.name === 'Brand New Actor')).toBe(true);
    expect(codebook.issues.find((i) => i.name === 'Child issue')?.parentId).toBe(parsed.codebook.issues[0].id);
    parsed.codebook.stances[0].color = 'red';
    await expect(nb.core.handlers.importCodebook({ name: 'bad.json', dataBase64: b64(JSON.stringify(parsed)) })).rejects.toThrow(
      /bad.json is not a Stancebook codebook \(codebook.stances.0.color/,
    );
  });

  it('W3C export counts positions in code points too, and the round trip is exact', async () => {
    const file = await nb.core.handlers.exportAnnotations({ format: 'w3c', articleId });
    const item = JSON.parse(file.content).first.items[0];
    const position = item.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    const { article, claims } = await nb.core.handlers.getArticle({ id: articleId });
    expect([...article.text].slice(position.start, position.end).join('')).toBe('firmly opposes new fences');
    expect(position.start).toBe(claims[0]!.target.position.start - 2);
  });
});
