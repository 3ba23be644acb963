import { Inflate, Unzip, unzipSync, type UnzipDecoder, type UnzipFileInfo } from 'fflate';
import { ImportError } from './types';

/** Most bytes all entries of a .docx may unpack to, as its central directory declares them. */
export const MAX_DOCX_UNPACKED_BYTES = 256 * 1024 * 1024;
/**
 * Most bytes the XML parts (word/document.xml, styles, relationships, …) may really unpack to,
 * together: mammoth parses them whole into memory. Checked by inflating them with this cap,
 * so a directory that lies about sizes is caught too.
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The sizes the central directory declares, per entry (fflate reads it, ZIP64 included); null when unreadable. */
function declaredEntries(bytes: Uint8Array): UnzipFileInfo[] | null {
  const entries: UnzipFileInfo[] = [];
  try {
    // A filter that refuses every entry: fflate reads the directory and inflates nothing.
    unzipSync(bytes, { filter: (info) => (entries.push(info), false) });
  } catch {
    return null; // damaged: JSZip and mammoth report it
  }
  return entries;
}

class OverBudget extends Error {}

/**
 * fflate's inflater, fed at most 16 KB of compressed data at a time: deflate expands at most
 * ~1,000-fold, so no single output chunk passes 16 MB, and counting stops a bomb early.
 */
class SlicedInflate implements UnzipDecoder {
  static compression = 8;
  ondata: UnzipDecoder['ondata'] = () => undefined;
  private readonly inflate = new Inflate((chunk, final) => this.ondata(null, chunk, final));

  push(data: Uint8Array, final: boolean): void {
    const SLICE = 16 * 1024;
    if (data.length <= SLICE) {
      this.inflate.push(data, final);
      return;
    }
    for (let at = 0; at < data.length; at += SLICE) this.inflate.push(data.subarray(at, at + SLICE), final && at + SLICE >= data.length);
  }
}

/**
 * Inflates the XML parts (as the local headers list them), counting the bytes that really come
 * out, and keeps word/document.xml. Throws OverBudget past `budget`; null when damaged.
 */
function inflateXmlParts(bytes: Uint8Array, budget: number, mainPart: string): Uint8Array[] | null {
  let used = 0;
  const documentXml: Uint8Array[] = [];
  const unzip = new Unzip((file) => {
    if (!/\.(xml|rels)$/i.test(file.name)) return; // never started: not inflated
    const keep = file.name === mainPart;
    file.ondata = (error, chunk) => {
      if (error) throw error;
      used += chunk.length;
      if (used > budget) throw new OverBudget();
      if (keep) documentXml.push(chunk);
    };
    file.start();
  });
  unzip.register(SlicedInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    if (error instanceof OverBudget) throw error;
    return null; // damaged data: mammoth reports it
  }
  return documentXml;
}

/**
 * Refuses a .docx that would unpack to more than the caps (a "zip bomb": a small file built to
 * exhaust memory when opened): the sum of the sizes its central directory declares, then the
 * real size of its XML parts, inflated in bounded slices and counted, so a directory that lies
 * is caught too. Runs before JSZip or mammoth unpack anything.
 *
 * @returns word/document.xml's text (for the complexity caps), or null when the zip is damaged
 *   (then JSZip or mammoth report it as before).
 * @throws ImportError 'too-large' naming the file and the limit.
 */
export function checkDocxUnpackedSize(
  bytes: Uint8Array,
  name: string,
  part: { mainPart: string; what: string } = { mainPart: 'word/document.xml', what: 'A Word document' },
): string | null {
  const entries = declaredEntries(bytes);
  if (!entries) return null;
  const refuse = (size: string, limit: number, what: string): never => {
    throw new ImportError(
      'too-large',
      `${name} would unpack to ${size} of ${what}; the limit is ${megabytes(limit)}. ${part.what} this large is most likely damaged or built to exhaust memory (a "zip bomb"). If it is a real document, open it in Word, save it again (or split it) and import it again.`,
    );
  };
  const declared = entries.reduce((sum, e) => sum + e.originalSize, 0);
  if (declared > MAX_DOCX_UNPACKED_BYTES) refuse(megabytes(declared), MAX_DOCX_UNPACKED_BYTES, 'data');
  const declaredXml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name)).reduce((sum, e) => sum + e.originalSize, 0);
  if (declaredXml > MAX_DOCX_XML_BYTES) refuse(megabytes(declaredXml), MAX_DOCX_XML_BYTES, 'text and layout (XML)');
  let documentXml: Uint8Array[] | null;
  try {
    documentXml = inflateXmlParts(bytes, MAX_DOCX_XML_BYTES, part.mainPart);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return refuse(`more than ${megabytes(MAX_DOCX_XML_BYTES)}`, MAX_DOCX_XML_BYTES, 'text and layout (XML)');
  }
  if (!documentXml) return null;
  return Buffer.concat(documentXml).toString('utf8');
}
