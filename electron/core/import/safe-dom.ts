import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

/**
 * A placeholder origin for parsed pages: `.invalid` can never resolve (RFC 2606), so
 * even a relative URL that something did try to fetch could not reach a real host.
 */
const INERT_URL = 'https://example.invalid/';

/**
 * Parses untrusted HTML into an inert DOM. jsdom runs no scripts unless `runScripts`
 * is set and loads no subresources unless `resources` is set; both are left unset
 * on purpose, and `pretendToBeVisual` is off so no animation timers start.
 * Nothing in the page can execute or reach the network.
 */
export function parseInertHtml(html: string): JSDOM {
  return new JSDOM(html, { url: INERT_URL, contentType: 'text/html' });
}

/**
 * Parses an untrusted XML part (an OpenDocument's content.xml) the same inert way: no scripts,
 * no external entities or subresources are ever loaded.
 */
export function parseInertXml(xml: string): JSDOM {
  return new JSDOM(xml, { url: INERT_URL, contentType: 'application/xml' });
}

/** Elements kept after sanitising: structure and inline text formatting only. */
const ALLOWED_TAGS = [
  'article',
  'section',
  'div',
  'main',
  'header',
  'footer',
  'aside',
  'span',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'blockquote',
  'q',
  'cite',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'code',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'time',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
];

/**
 * Sanitises HTML with DOMPurify inside the given jsdom window and returns the `<body>` holding
 * the result, to walk (not a fragment: moving the nodes into one costs jsdom a walk of the
 * document per node, quadratic in the paragraphs; 16,000 paragraphs took 12 s). Images, media, frames, objects, forms, SVG, MathML and styles are dropped
 * with everything inside them; only http(s) and mailto links survive, and no
 * attributes but href, lang, dir, datetime and a table cell's colspan/rowspan. The importer only keeps text, so
 * this is defence in depth: what leaves this function is safe to render as well.
 */
export function sanitiseToBody(html: string, dom: JSDOM): HTMLElement {
  // The jsdom window has everything DOMPurify needs; its WindowLike type is narrower than jsdom's.
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'lang', 'dir', 'datetime', 'colspan', 'rowspan'],
    // Without this DOMPurify holds a span's value ("2") to the link rule and drops it.
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    FORBID_CONTENTS: [
      'script',
      'style',
      'template',
      'noscript',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'select',
      'textarea',
      'button',
      'video',
      'audio',
    ],
    RETURN_DOM: true,
  }) as unknown as HTMLElement;
}
