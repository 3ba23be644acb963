import { inflateRawSync } from 'node:zlib';
import { ImportError } from './types';

/** Most bytes all entries of a .docx may unpack to, as its central directory declares them. */
export const MAX_DOCX_UNPACKED_BYTES = 256 * 1024 * 1024;
/**
 * Most bytes the XML parts (word/document.xml, styles, relationships, …) may really unpack to,
 * together: mammoth parses them whole into memory. Checked by inflating them with this cap,
 * so a directory that lies about sizes is caught too.
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  unpackedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The entries of the zip's central directory, or null when it cannot be read (then JSZip
 * reports the file as damaged, as before). Understands ZIP64 sizes and offsets.
 */
function readCentralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) {
    const zip64 = u64(eocd - 20 + 8);
    if (zip64 + 56 > bytes.length || u32(zip64) !== ZIP64_EOCD) return null;
    count = u64(zip64 + 32);
    offset = u64(zip64 + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return null;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const entry: ZipEntry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      unpackedSize: u32(at + 24),
      localOffset: u32(at + 42),
    };
    // ZIP64: the fields set to 0xffffffff are in the extra field 0x0001, in this order.
    if (entry.unpackedSize === MAX32 || entry.compressedSize === MAX32 || entry.localOffset === MAX32) {
      let extra = at + 46 + nameLength;
      const end = extra + extraLength;
      while (extra + 4 <= end && extra + 4 <= bytes.length) {
        const id = u16(extra);
        const size = u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (entry.unpackedSize === MAX32 && field + 8 <= end) {
            entry.unpackedSize = u64(field);
            field += 8;
          }
          if (entry.compressedSize === MAX32 && field + 8 <= end) {
            entry.compressedSize = u64(field);
            field += 8;
          }
          if (entry.localOffset === MAX32 && field + 8 <= end) entry.localOffset = u64(field);
          break;
        }
        extra += 4 + size;
      }
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** How many bytes an entry really unpacks to, up to `cap` + 1; null when its data cannot be read here. */
function unpackedSizeUpTo(bytes: Uint8Array, entry: ZipEntry, cap: number): number | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: cap + 1 }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
    return null; // damaged data: mammoth reports it
  }
}

/**
 * Refuses a .docx that would unpack to more than the caps (a "zip bomb": a small file built to
 * exhaust memory when opened): the sum of the sizes its central directory declares, then the
 * real size of its XML parts, inflated with a cap. Runs before JSZip or mammoth unpack anything.
 *
 * @throws ImportError 'too-large' naming the file and the limit.
 */
export function checkDocxUnpackedSize(bytes: Uint8Array, name: string): void {
  const entries = readCentralDirectory(bytes);
  if (!entries) return;
  const refuse = (size: string, limit: number, what: string): never => {
    throw new ImportError(
      'too-large',
      `${name} would unpack to ${size} of ${what}; the limit is ${megabytes(limit)}. A Word document this large is most likely damaged or built to exhaust memory (a "zip bomb"). If it is a real document, open it in Word, save it again (or split it) and import it again.`,
    );
  };
  const declared = entries.reduce((sum, e) => sum + e.unpackedSize, 0);
  if (declared > MAX_DOCX_UNPACKED_BYTES) refuse(megabytes(declared), MAX_DOCX_UNPACKED_BYTES, 'data');
  const xmlParts = entries.filter((e) => /\.(xml|rels)$/i.test(e.name));
  const declaredXml = xmlParts.reduce((sum, e) => sum + e.unpackedSize, 0);
  if (declaredXml > MAX_DOCX_XML_BYTES) refuse(megabytes(declaredXml), MAX_DOCX_XML_BYTES, 'text and layout (XML)');
  let budget = MAX_DOCX_XML_BYTES;
  for (const entry of xmlParts) {
    const size = unpackedSizeUpTo(bytes, entry, budget);
    if (size === null) continue;
    if (size > budget) refuse(`more than ${megabytes(MAX_DOCX_XML_BYTES)}`, MAX_DOCX_XML_BYTES, 'text and layout (XML)');
    budget -= size;
  }
}
