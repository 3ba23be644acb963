import type JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { parseDate } from './dates';

/** What a .docx says about itself in docProps/core.xml. */
export interface DocxCoreProps {
  title: string | null;
  creator: string | null;
  /** dcterms:created as YYYY-MM-DD. */
  created: string | null;
}

const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
};

/**
 * Reads title, creator and created date from a .docx's core properties. A missing or
 * unreadable core.xml gives nulls: the properties are optional in OOXML.
 */
export async function readDocxCoreProps(zip: JSZip): Promise<DocxCoreProps> {
  const none: DocxCoreProps = { title: null, creator: null, created: null };
  const xml = await zip.file('docProps/core.xml')?.async('string');
  if (!xml) return none;
  // An XML-mode jsdom: no scripts, no DTD or entity loading, just a namespace-aware parse.
  const { window } = new JSDOM('');
  try {
    const doc = new window.DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) return none;
    const read = (ns: string, local: string): string | null => {
      const value = doc.getElementsByTagNameNS(ns, local)[0]?.textContent?.replace(/\s+/g, ' ').trim();
      return value ? value : null;
    };
    return {
      title: read(NS.dc, 'title'),
      creator: read(NS.dc, 'creator'),
      created: parseDate(read(NS.dcterms, 'created')),
    };
  } finally {
    window.close();
  }
}
