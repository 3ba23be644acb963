import { FootnoteReferenceRun, HeadingLevel, Paragraph, TextRun } from 'docx';
import type { AnnotatedBrief, BriefEntry } from './';
import { citationText, DOCX_STYLES, metaParagraph, packDocx, runsOf } from './docx-common';

function entryParagraphs(entry: BriefEntry, footnoteId: number): Paragraph[] {
  const facts = [
    new TextRun({ text: entry.stance?.label ?? 'no stance', bold: true, color: entry.stance?.color.slice(1) ?? '777777' }),
    ...(entry.proposition ? [new TextRun({ text: ' on ' }), new TextRun({ text: entry.proposition, italics: true })] : []),
    ...(entry.speaker ? [new TextRun({ text: ` · speaker: ${entry.speaker}` })] : []),
    ...(entry.anchorStatus === 'exact' ? [] : [new TextRun({ text: ` · ${entry.anchorStatus}`, bold: true, color: '8A2B06' })]),
  ];
  const out = [
    new Paragraph({ style: 'ClaimFacts', children: facts }),
    new Paragraph({ style: 'Quote', children: [...runsOf(entry.quote), new FootnoteReferenceRun(footnoteId)] }),
  ];
  if (entry.note.trim())
    out.push(new Paragraph({ style: 'ClaimNote', children: [new TextRun({ text: 'Note: ', bold: true }), ...runsOf(entry.note.trim())] }));
  if (entry.tags.length) out.push(new Paragraph({ style: 'ClaimNote', children: [new TextRun({ text: `Tags: ${entry.tags.join(', ')}` })] }));
  return out;
}

/**
 * The annotated brief as a Word document: title and source line, a heading per issue and per
 * actor group, each claim's stance, proposition and speaker, its quote in Word's Quote style
 * with a footnote citing the article (title, source, date, URL), and the analyst's note.
 * docx writes every string as XML text, so user text cannot become markup or a field.
 */
export async function renderBriefDocx(brief: AnnotatedBrief): Promise<Uint8Array> {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(brief.title)] })];
  const meta = metaParagraph(brief);
  if (meta) children.push(meta);
  if (brief.standfirst) children.push(new Paragraph({ children: [new TextRun({ text: brief.standfirst, italics: true })] }));
  children.push(
    new Paragraph({ children: [new TextRun(`${brief.claimCount} claim${brief.claimCount === 1 ? '' : 's'}, grouped by issue and actor.`)] }),
  );
  const citation = citationText(brief);
  let footnoteId = 0;
  for (const issue of brief.issues) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(issue.issue)] }));
    for (const group of issue.actorGroups) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(group.actors)] }));
      for (const entry of group.entries) {
        footnoteId += 1;
        footnotes[String(footnoteId)] = { children: [new Paragraph(citation)] };
        children.push(...entryParagraphs(entry, footnoteId));
      }
    }
  }
  return packDocx({
    title: `${brief.title} — annotated brief`,
    creator: 'Stancebook',
    styles: DOCX_STYLES,
    footnotes,
    sections: [{ children }],
  });
}
