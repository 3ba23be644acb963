import { ImportError } from './types';

/**
 * Hard caps on what a document may hold, checked on its markup by one linear scan before any
 * DOM is built (issue 19: a 4 KB .docx of 20,000 paragraphs, or a deeply nested page, made
 * jsdom and Readability run for minutes). Real documents sit far below them: a long news page
 * has 2,000-10,000 elements nested 20-40 deep; a 300-page report has about 6,000 paragraphs.
 */
export const HTML_CAPS = {
  /** Elements in a page (start tags). */
  elements: 150_000,
  /** Elements open inside one another. Readability's work grows with depth × elements. */
  depth: 256,
  /** The sum of every element's depth: what Readability walks when it reads each ancestor's text. */
  depthSum: 6_000_000,
} as const;

export const DOCX_CAPS = {
  /** Paragraphs (`<w:p>`) in the body, table cells included. */
  paragraphs: 15_000,
  /** XML elements in word/document.xml. */
  elements: 600_000,
} as const;

/**
 * Elements whose end tag may be left out (the parser closes them itself) and void elements
 * (which have none): not counted towards depth, so old pages with unclosed `<p>` and `<li>`
 * are not mistaken for deep ones.
 */
const NOT_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'rtc',
  'html',
  'head',
  'body',
]);

/** Elements whose content is raw text: tags inside them are not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

export interface HtmlShape {
  elements: number;
  maxDepth: number;
  depthSum: number;
}

/**
 * Counts a page's elements and how deep they nest, in one pass over the markup without
 * building anything (comments and raw-text elements skipped). An approximation of what the
 * HTML parser will build, erring towards fewer levels (unclosed optional-end elements do not count).
 */
export function measureHtml(html: string): HtmlShape {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>|<!--[\s\S]*?(?:-->|$)/g;
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  let depthSum = 0;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(html)) !== null) {
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a comment
    if (match[1]) {
      if (!NOT_NESTING.has(name) && !RAW_TEXT.has(name) && depth > 0) depth -= 1;
      continue;
    }
    elements += 1;
    depthSum += depth + 1;
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = tag.lastIndex;
      tag.lastIndex = endTag.exec(html)?.index ?? html.length;
      continue;
    }
    if (match[3] || NOT_NESTING.has(name)) continue;
    depth += 1;
    if (depth > maxDepth) maxDepth = depth;
  }
  return { elements, maxDepth, depthSum };
}

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

function tooComplex(name: string, what: string): ImportError {
  return new ImportError(
    'too-large',
    `${name} is too large or too complex to import: ${what}. A real article is far simpler; the file is most likely damaged, generated, or built to freeze the app. If it is a real document, save the part you need as a new file (or as plain text) and import that.`,
  );
}

/**
 * Refuses a page over HTML_CAPS before jsdom parses it.
 * @throws ImportError 'too-large' saying which cap was passed.
 */
export function checkHtmlComplexity(html: string, name: string): void {
  const shape = measureHtml(html);
  if (shape.elements > HTML_CAPS.elements) {
    throw tooComplex(name, `it has ${thousands(shape.elements)} HTML elements; the limit is ${thousands(HTML_CAPS.elements)}`);
  }
  if (shape.maxDepth > HTML_CAPS.depth) {
    throw tooComplex(name, `its elements are nested ${thousands(shape.maxDepth)} deep; the limit is ${thousands(HTML_CAPS.depth)}`);
  }
  if (shape.depthSum > HTML_CAPS.depthSum) {
    throw tooComplex(
      name,
      `its ${thousands(shape.elements)} elements are nested too deeply (${thousands(Math.round(shape.depthSum / shape.elements))} levels on average)`,
    );
  }
}

/**
 * Refuses a Word (or OpenDocument: paragraphTag 'text:p') body over DOCX_CAPS before it is parsed:
 * paragraphs and elements counted in the XML's text.
 * @throws ImportError 'too-large' saying which cap was passed.
 */
export function checkDocxComplexity(documentXml: string, name: string, paragraphTag = 'w:p'): void {
  let paragraphs = 0;
  let elements = 0;
  const tag = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/g;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(documentXml)) !== null) {
    if (match[1]) continue;
    elements += 1;
    if (`${match[2] ?? ''}${match[3]}` === paragraphTag) paragraphs += 1;
  }
  if (paragraphs > DOCX_CAPS.paragraphs) {
    throw tooComplex(name, `it has ${thousands(paragraphs)} paragraphs; the limit is ${thousands(DOCX_CAPS.paragraphs)}`);
  }
  if (elements > DOCX_CAPS.elements) {
    throw tooComplex(name, `its body has ${thousands(elements)} XML elements; the limit is ${thousands(DOCX_CAPS.elements)}`);
  }
}
