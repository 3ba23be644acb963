import { Readability } from '@mozilla/readability';
import { checkHtmlComplexity } from './complexity-caps';
import { htmlToBlockDrafts } from './html-blocks';
import { buildWithoutFurniture, classifyFurniture } from './furniture';
import { removePageFurniture } from './html-clean';
import { readHtmlMetaWithSources } from './html-meta';
import { parseDate } from './dates';
import { parseInertHtml, sanitiseToBody } from './safe-dom';
import { buildTextBlocks } from './text-blocks';
import { titleFromFileName, titleFromProse } from './titles';
import type { ImportedDocument } from './types';
import { ImportError } from './types';

/**
 * Turns a fragment of trusted-shape HTML (already the article, e.g. mammoth's output)
 * into text and blocks, sanitising it first.
 */
export function htmlFragmentToText(html: string): ReturnType<typeof buildTextBlocks> {
  const dom = parseInertHtml('<!doctype html><html><body></body></html>');
  try {
    return buildTextBlocks(htmlToBlockDrafts(sanitiseToBody(html, dom)));
  } finally {
    dom.window.close();
  }
}

/**
 * Reads a saved web page. Readability finds the article in the page (dropping
 * navigation, ads, comments and related links), DOMPurify sanitises what it returns,
 * and the sanitised DOM is walked into blocks. Metadata comes from the page's head
 * and JSON-LD, then from what Readability inferred. Scripts never run and nothing is
 * loaded: see parseInertHtml.
 *
 * @throws ImportError 'empty' when the page has no readable text; 'too-large' past HTML_CAPS.
 */
export function importHtml(html: string, name: string): ImportedDocument {
  checkHtmlComplexity(html, name);
  const dom = parseInertHtml(html);
  try {
    const doc = dom.window.document;
    // Readability rewrites the document, so the head is read first.
    const { meta, notes } = readHtmlMetaWithSources(doc);
    removePageFurniture(doc);
    const article = new Readability(doc, { charThreshold: 200 }).parse();
    // Readability gives up on pages with little text; then the whole body is the article.
    const content = article?.content ?? doc.body?.innerHTML ?? '';
    // Furniture Readability kept (upsells, "Read more" lists, photo credits) is taken out here and
    // kept on the article, so the analyst can put a block back from the reader.
    const drafts = htmlToBlockDrafts(sanitiseToBody(content, dom));
    const { text, blocks, removedBlocks, normalisation } = buildWithoutFurniture(drafts, classifyFurniture(drafts));
    if (blocks.length === 0) {
      throw new ImportError(
        'empty',
        `${name} has no readable article text. Save the page again once it has fully loaded (as "Web Page, Complete" or "HTML only") and import it again.`,
      );
    }
    // Readability's own findings fill only the gaps the head left.
    if (article?.title && !meta.title) meta.title = article.title.trim();
    if (article?.byline && !meta.author) meta.author = article.byline.trim();
    if (article?.siteName && !meta.source) meta.source = article.siteName.trim();
    if (article?.lang && !meta.language) meta.language = article.lang;
    const published = parseDate(article?.publishedTime);
    if (published && !meta.publishedAt) meta.publishedAt = published;
    if (!meta.title) {
      const first = blocks[0]!;
      meta.title = first.kind === 'heading' ? text.slice(first.start, first.end) : titleFromProse(text.slice(first.start, first.end));
    }
    meta.title ||= titleFromFileName(name);
    return {
      meta,
      text,
      blocks,
      normalisation,
      origin: { kind: 'html', name },
      ...(removedBlocks.length ? { removedBlocks } : {}),
      ...(notes.length ? { notes } : {}),
    };
  } finally {
    dom.window.close();
  }
}
