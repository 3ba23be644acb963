import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AnnotatedArticle, ArticleNote, ArticleSegment } from './';
import { articleParts, type ArticleTableView } from './article-tables';
import { citationText, DOCX_STYLES, metaParagraph, packDocx, runsOf } from './docx-common';

/** A pale version of a stance colour for highlighting: the colour mixed 80% with white. */
function pale(hex: string | undefined): string {
  const value = /^#[0-9a-f]{6}$/i.test(hex ?? '') ? (hex as string) : '#f2d35e';
  const mix = (i: number) =>
    Math.round(parseInt(value.slice(i, i + 2), 16) * 0.2 + 255 * 0.8)
      .toString(16)
      .padStart(2, '0');
  return `${mix(1)}${mix(3)}${mix(5)}`.toUpperCase();
}

function segmentRuns(segment: ArticleSegment, notes: Map<number, ArticleNote>): TextRun[] {
  const inner = segment.claims[segment.claims.length - 1];
  const runs =
    inner === undefined
      ? runsOf(segment.text)
      : segment.text.split('\n').map(
          (line, i) =>
            new TextRun({
              text: line,
              break: i > 0 ? 1 : undefined,
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: pale(notes.get(inner)?.stance?.color) },
              underline: segment.claims.length > 1 ? { type: 'double' } : undefined,
            }),
        );
  for (const n of segment.markersAfter) runs.push(new TextRun({ text: `[${n}]`, superScript: true, bold: true, color: '8A2B06' }));
  return runs;
}

function noteParagraphs(note: ArticleNote): Paragraph[] {
  const facts = [note.actors || 'No actor', note.stance?.label ?? 'no stance'];
  if (note.proposition) facts.push(`on ${note.proposition}`);
  if (note.issue) facts.push(`(${note.issue})`);
  if (note.speaker) facts.push(`speaker: ${note.speaker}`);
  if (note.anchorStatus === 'orphaned') facts.push('not found in the current text');
  const out = [
    new Paragraph({ style: 'ClaimFacts', children: [new TextRun({ text: `[${note.number}] `, bold: true }), new TextRun(facts.join(' · '))] }),
    new Paragraph({ style: 'Quote', children: runsOf(note.quote) }),
  ];
  if (note.note.trim())
    out.push(new Paragraph({ style: 'ClaimNote', children: [new TextRun({ text: 'Note: ', bold: true }), ...runsOf(note.note.trim())] }));
  if (note.tags.length) out.push(new Paragraph({ style: 'ClaimNote', children: [new TextRun(`Tags: ${note.tags.join(', ')}`)] }));
  return out;
}

/** An article's table as a Word table, each cell's claims shaded as in the text. */
function tableOf(table: ArticleTableView, notes: Map<number, ArticleNote>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell) =>
              new TableCell({
                children: [new Paragraph({ children: cell ? cell.segments.flatMap((s) => segmentRuns(s, notes)).map((r) => r) : [] })],
                ...(cell?.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } } : {}),
              }),
          ),
        }),
    ),
  });
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/**
 * The article as a Word document: its text block by block with each claim shaded in a pale
 * tint of its stance's colour (double underline where claims overlap) and a numbered marker
 * where it ends, then the numbered claims with their coding, quote and note, and the citation.
 */
export async function renderArticleDocx(view: AnnotatedArticle): Promise<Uint8Array> {
  const notes = new Map(view.notes.map((n) => [n.number, n]));
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(view.title)] })];
  const meta = metaParagraph(view);
  if (meta) children.push(meta);
  if (view.standfirst) children.push(new Paragraph({ children: [new TextRun({ text: view.standfirst, italics: true })] }));
  for (const part of articleParts(view.blocks)) {
    if ('table' in part) {
      children.push(tableOf(part.table, notes));
      continue;
    }
    const { block } = part;
    const runs = block.segments.flatMap((s) => segmentRuns(s, notes));
    if (block.kind === 'heading') children.push(new Paragraph({ heading: HEADINGS[Math.min(5, block.level ?? 1)], children: runs }));
    else if (block.kind === 'quote') children.push(new Paragraph({ style: 'Quote', children: runs }));
    else if (block.kind === 'list-item') children.push(new Paragraph({ bullet: { level: Math.max(0, (block.level ?? 1) - 1) }, children: runs }));
    else children.push(new Paragraph({ children: runs, spacing: { after: 160 } }));
  }
  if (view.notes.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Claims')] }));
    for (const note of view.notes) children.push(...noteParagraphs(note));
    children.push(new Paragraph({ style: 'ClaimFacts', children: [new TextRun(`Source: ${citationText(view)}`)] }));
  }
  return packDocx({ title: `${view.title} — annotated`, creator: 'Stancebook', styles: DOCX_STYLES, sections: [{ children }] });
}
