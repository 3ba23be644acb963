import {
  AlignmentType,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  TextRun,
  type INumberingOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { attributionOf, type ComposedBrief, type DocBlock, type Inline } from './composed-brief-model';
import { citationText, DOCX_STYLES, packDocx, runsOf } from './docx-common';

const ORDERED = 'brief-ordered';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const MAX_LIST_LEVEL = 8;

/**
 * Decimal numbering for ordered lists, nine levels deep, counting from `start`; each list
 * restarts through its own instance. One definition per start value a brief's lists use.
 */
function orderedNumbering(start: number): INumberingOptions['config'][number] {
  return {
    reference: `${ORDERED}-${start}`,
    levels: Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({
      level,
      start,
      format: level % 3 === 0 ? LevelFormat.DECIMAL : level % 3 === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.LOWER_ROMAN,
      text: `%${level + 1}.`,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    })),
  };
}

interface Where {
  /** Inside a block quote: paragraphs take Word's Quote style. */
  quote: boolean;
  /** Inside a list item: the first paragraph carries the bullet or number. */
  list: { ordered: boolean; start: number; level: number; instance: number } | null;
  /** Whether this paragraph is the first of its list item. */
  first: boolean;
}

function inlineRuns(inline: Inline[]): ParagraphChild[] {
  return inline.map((run) => {
    if (run.kind === 'break') return new TextRun({ text: '', break: 1 });
    const text = new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      strike: run.strike,
      underline: run.underline ? {} : undefined,
      style: run.href ? 'Hyperlink' : undefined,
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

/**
 * A brief written in the editor as a Word document: the title, the analyst's headings,
 * paragraphs, lists (real Word bullets and numbering), block quotes and links, and each
 * citation as a quote in Word's Quote style with a footnote giving the article, outlet,
 * date and address, followed by who holds the position, on what issue, with what stance.
 * docx writes every string as XML text, so nothing user-written becomes markup or a field.
 */
export async function renderComposedBriefDocx(brief: ComposedBrief): Promise<Uint8Array> {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const note of brief.notes) {
    const text = note.source ? citationText(note.source) : (note.missing ?? 'Citation unavailable.');
    footnotes[String(note.note)] = { children: [new Paragraph(text)] };
  }
  let instances = 0;
  const starts = new Set<number>([1]);

  const paragraph = (children: ParagraphChild[], where: Where, extra: IParagraphOptions = {}): Paragraph => {
    const options: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = { children, ...extra };
    if (where.quote && !extra.heading && !extra.style) options.style = 'Quote';
    if (where.list) {
      const level = Math.min(MAX_LIST_LEVEL, where.list.level);
      if (!where.first) options.indent = { left: 720 * (level + 1) };
      else if (where.list.ordered) options.numbering = { reference: `${ORDERED}-${where.list.start}`, level, instance: where.list.instance };
      else options.bullet = { level };
    }
    return new Paragraph(options);
  };

  const blocks = (list: DocBlock[], where: Where): Paragraph[] =>
    list.flatMap((block, index) => render(block, { ...where, first: where.first && index === 0 }));

  const render = (block: DocBlock, where: Where): Paragraph[] => {
    switch (block.kind) {
      case 'heading':
        return [paragraph(inlineRuns(block.inline), where, { heading: HEADINGS[block.level - 1] })];
      case 'paragraph':
        return [paragraph(inlineRuns(block.inline), where)];
      case 'rule':
        return [new Paragraph({ border: { bottom: { style: 'single', size: 6, color: 'BBBBBB', space: 1 } }, children: [] })];
      case 'quote':
        return blocks(block.blocks, { ...where, quote: true });
      case 'list': {
        const level = where.list ? where.list.level + 1 : 0;
        const instance = ++instances;
        const start = block.ordered ? block.start : 1;
        starts.add(start);
        return block.items.flatMap((item) =>
          blocks(item.length ? item : [{ kind: 'paragraph', inline: [] }], {
            quote: where.quote,
            list: { ordered: block.ordered, start, level, instance },
            first: true,
          }),
        );
      }
      case 'citation':
        return [
          paragraph([...runsOf(`“${block.citation.quote}”`), new FootnoteReferenceRun(block.note)], where, { style: 'Quote' }),
          paragraph([new TextRun({ text: `— ${attributionOf(block.citation)}` })], { ...where, first: false }, { style: 'ClaimFacts' }),
        ];
      case 'missing-citation':
        return [
          paragraph(
            [
              new TextRun({ text: 'Citation unavailable: ', bold: true, color: '8A2B06' }),
              new TextRun({ text: block.reason }),
              ...(block.quote ? [new TextRun({ text: ` “${block.quote}”`, italics: true })] : []),
              new FootnoteReferenceRun(block.note),
            ],
            where,
            { style: 'ClaimFacts' },
          ),
        ];
    }
  };

  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(brief.title)] }),
    new Paragraph({
      children: [new TextRun({ text: `Brief, last edited ${brief.updatedAt.slice(0, 10)}`, color: '555555' })],
      spacing: { after: 200 },
    }),
    ...blocks(brief.blocks, { quote: false, list: null, first: false }),
  ];
  return packDocx({
    title: brief.title,
    creator: 'Stancebook',
    styles: DOCX_STYLES,
    numbering: { config: [...starts].map(orderedNumbering) },
    footnotes,
    sections: [{ children }],
  });
}
