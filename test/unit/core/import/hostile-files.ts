// Small generated files built to freeze or exhaust an importer (issue 19): a tiny .docx with
// tens of thousands of paragraphs, a deeply nested or huge .html. Made here so the tests and the
// import benchmark need no binary fixtures.
import JSZip from 'jszip';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A .docx whose body is the given paragraphs' XML (`<w:p>…</w:p>` each), deflated at the highest level. */
export async function docxWithBody(bodyXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A .docx of `count` one-word paragraphs: a few KB on disk. */
export function docxOfParagraphs(count: number, word = 'a'): Promise<Uint8Array> {
  return docxWithBody(`<w:p><w:r><w:t>${word}</w:t></w:r></w:p>`.repeat(count));
}

/** An HTML page whose text sits `depth` elements deep. */
export function deeplyNestedHtml(depth: number): string {
  return `<!doctype html><html><head><title>Nested</title></head><body>${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}</body></html>`;
}

/** An HTML page of `count` short paragraphs. */
export function htmlOfParagraphs(count: number): string {
  return `<!doctype html><html><head><title>Many paragraphs</title></head><body><article>${'<p>One short line of text here.</p>'.repeat(count)}</article></body></html>`;
}
