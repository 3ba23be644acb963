import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addImportedDocument } from '../../../../electron/core/articles/articles';
import { renderArticleDocx } from '../../../../electron/core/documents/docx-article';
import { buildAnnotatedArticle } from '../../../../electron/core/documents/article-model';
import { renderArticleHtml } from '../../../../electron/core/documents/article-html';
import { renderArticleMarkdown } from '../../../../electron/core/documents/article-markdown';
import { importFile } from '../../../../electron/core/import';
import { importHtml } from '../../../../electron/core/import/html';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { blockTexts } from './fixtures';

const LEDE = `<p>${'The committee published the results of the vote on the river allocation after a long session. '.repeat(4)}</p>`;
const PAGE = `<html><body><article>${LEDE}
<table>
  <caption>Votes by delegation</caption>
  <thead><tr><th>Delegation</th><th>Vote</th><th>Share</th></tr></thead>
  <tbody>
    <tr><td><p>North</p><p>(upstream)</p></td><td>For</td><td>52 %</td></tr>
    <tr><td>South</td><td colspan="2">Abstained</td></tr>
    <tr><td rowspan="2">East</td><td>Against</td><td></td></tr>
    <tr><td>Against, later For</td><td>48 %</td></tr>
  </tbody>
</table>
<p>The next meeting is in June, when the committee will review the flow data.</p>
</article></body></html>`;

describe('tables as tables', () => {
  it('HTML: one block per cell with table, row, column and header; caption before; colspan and rowspan keep the grid', () => {
    const doc = importHtml(PAGE, 'votes.html');
    const cells = doc.blocks.filter((b) => b.kind === 'table-cell');
    const at = (row: number, col: number) => {
      const cell = cells.find((b) => b.row === row && b.col === col);
      return cell ? doc.text.slice(cell.start, cell.end) : null;
    };
    expect(blockTexts(doc)).toContain('Votes by delegation');
    expect([at(0, 0), at(0, 1), at(0, 2)]).toEqual(['Delegation', 'Vote', 'Share']);
    expect(cells.filter((c) => c.header).map((c) => c.col)).toEqual([0, 1, 2]);
    expect([at(1, 0), at(1, 1), at(1, 2)]).toEqual(['North (upstream)', 'For', '52 %']);
    // colspan: "Abstained" spans columns 1-2; the next row's cells start after the rowspan.
    expect([at(2, 0), at(2, 1), at(2, 2)]).toEqual(['South', 'Abstained', null]);
    expect([at(3, 0), at(3, 1), at(3, 2)]).toEqual(['East', 'Against', null]);
    expect([at(4, 0), at(4, 1), at(4, 2)]).toEqual([null, 'Against, later For', '48 %']);
    expect(new Set(cells.map((c) => c.table))).toEqual(new Set([0]));
    expect(cells.filter((c) => c.colSpan || c.rowSpan).map((c) => [doc.text.slice(c.start, c.end), c.colSpan ?? 1, c.rowSpan ?? 1])).toEqual([
      ['Abstained', 2, 1],
      ['East', 1, 2],
    ]);
    // Cells are separate lines of the text: a quote can hold one cell and nothing else.
    expect(doc.text).toContain('\nFor\n52 %\n');
  });

  it('Word: a .docx table is read cell by cell', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
    const word = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('The committee voted on the allocation.')] }),
            new Table({
              rows: [new TableRow({ children: [cell('Delegation'), cell('Vote')] }), new TableRow({ children: [cell('North'), cell('For')] })],
            }),
            new Paragraph({ children: [new TextRun('The next meeting is in June.')] }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(word));
    const doc = await importFile({ name: 'votes.docx', bytes });
    expect(doc.blocks.map((b) => [b.kind, b.row ?? null, b.col ?? null])).toEqual([
      ['paragraph', null, null],
      ['table-cell', 0, 0],
      ['table-cell', 0, 1],
      ['table-cell', 1, 0],
      ['table-cell', 1, 1],
      ['paragraph', null, null],
    ]);
    expect(blockTexts(doc).slice(1, 5)).toEqual(['Delegation', 'Vote', 'North', 'For']);
  });
});

describe('claims on table cells and exports of tables', () => {
  let nb: TempNotebook;
  let articleId: string;
  beforeEach(async () => {
    nb = await openTempNotebook();
    ({ articleId } = await addImportedDocument(nb.core.context, importHtml(PAGE, 'votes.html')));
  });
  afterEach(() => nb.cleanup());

  it('quotes one cell, and refuses a selection running into the next cell, saying which', async () => {
    const { article } = await nb.core.handlers.getArticle({ id: articleId });
    const north = article.text.indexOf('North (upstream)');
    const claim = await nb.core.handlers.createClaim({ articleId, start: north, end: north + 5, coding: {} });
    expect(claim.target.quote.exact).toBe('North');
    const forAt = article.text.indexOf('\nFor\n') + 1;
    await expect(nb.core.handlers.createClaim({ articleId, start: forAt, end: forAt + 8, coding: {} })).rejects.toThrow(
      /runs from row 2, column 2 to row 2, column 3 of a table\. A claim quotes one cell at a time/,
    );
  });

  it('writes the table in HTML, Markdown and Word exports, with the claim marked in its cell', async () => {
    const { article } = await nb.core.handlers.getArticle({ id: articleId });
    const at = article.text.indexOf('Abstained');
    await nb.core.handlers.createClaim({ articleId, start: at, end: at + 9, coding: {} });
    const { article: after, claims } = await nb.core.handlers.getArticle({ id: articleId });
    const view = buildAnnotatedArticle(after, claims, nb.core.context.store.getCodebook());

    const html = renderArticleHtml(view);
    expect(html).toMatch(/<table class="article-table">\n<tr><th>Delegation<\/th><th>Vote<\/th><th>Share<\/th><\/tr>/);
    // The spanning cell spans; the place it covers gets no cell of its own.
    expect(html).toMatch(/<tr><td>South<\/td><td colspan="2"><mark class="claim"[^>]*>Abstained<\/mark><sup[^>]*>.*?<\/sup><\/td><\/tr>/);
    expect(html).toContain('<tr><td rowspan="2">East</td><td>Against</td><td></td></tr>\n<tr><td>Against, later For</td><td>48 %</td></tr>');

    const markdown = renderArticleMarkdown(view);
    expect(markdown).toContain('| Delegation | Vote | Share |\n| --- | --- | --- |\n| North (upstream) | For | 52 % |');
    expect(markdown).toContain('| South | **Abstained**[^1] |  |');

    const docx = await JSZip.loadAsync(await renderArticleDocx(view));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:tr>/g)?.length ?? xml.match(/<w:tr[ >]/g)?.length).toBe(5);
    expect(xml).toContain('Against, later For');
  });
});
