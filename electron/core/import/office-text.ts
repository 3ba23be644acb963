import { cutLeadingText, type TextWithBlocks } from './text-blocks';
import { ImportError } from './types';

/**
 * Word and OpenDocument files: a leading level-1 heading that is the document's title (or the
 * document has none) becomes the title and leaves the text, so it is not shown twice.
 */
export function liftTitleHeading(built: TextWithBlocks, title: string | null): TextWithBlocks & { title: string | null } {
  const { text, blocks } = built;
  const first = blocks[0];
  if (first?.kind === 'heading' && first.level === 1 && blocks.length > 1) {
    const headingText = text.slice(first.start, first.end);
    if (!title || headingText === title) {
      const cut = first.end + 1;
      return { ...cutLeadingText(built, cut, 1), title: headingText };
    }
  }
  return { ...built, title };
}

/** The refusal for a document with no text: one that holds images needs OCR, and says so. */
export function noTextError(name: string, holdsImages: boolean): ImportError {
  return new ImportError(
    'empty',
    holdsImages
      ? `${name} holds only images, no text: it needs OCR (text recognition). Run the images through OCR, or export the document as a searchable PDF, and import the result.`
      : `${name} has no text in it. Check that you chose the right document and try again.`,
  );
}
