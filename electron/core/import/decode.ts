import { findNulByte, sniffBinary } from './detect';
import { ImportError } from './types';

/** Offset of the first byte that is not part of valid UTF-8, or -1. For error messages only. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i += 1; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * The encoding an HTML file declares in its first 1,024 bytes (`<meta charset>` or the
 * `http-equiv="Content-Type"` form), as a label TextDecoder knows, or null.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)/i.exec(head);
  const label = meta?.[1]?.toLowerCase();
  if (!label) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return null;
  }
  // As the HTML standard says: bytes that carry a <meta> in ASCII cannot be UTF-16, so such a
  // declaration means UTF-8; x-user-defined is no text encoding.
  if (encoding.startsWith('utf-16')) return 'utf-8';
  if (encoding === 'x-user-defined') return null;
  return encoding;
}

/**
 * windows-1252 (which the web also means by latin1 and iso-8859-1): Latin-1 plus, at 0x80–0x9F,
 * the WHATWG table's curly quotes, dashes, € and the like. Decoded here because Node's
 * TextDecoder drops those bytes for this encoding (Node 20: `\x93A\x94` decodes to "A").
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80]! : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    // ignoreBOM: false (the default) makes the decoder drop a leading BOM.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a text file (.txt, .md, .html, .csv) and strips a BOM. Only encodings the file
 * states are used: UTF-8; UTF-16 with its byte order mark; and for HTML, the charset its
 * `<meta>` declares (a page saved from a site in GBK, Shift_JIS or windows-1252). Nothing is
 * guessed: a wrong guess would silently corrupt the quotes that claims anchor to.
 * Throws ImportError 'binary' when the bytes are some other format or hold NUL bytes, and
 * 'not-utf8' when they are not valid in the encoding they state (or UTF-8, stating none).
 */
export function decodeTextFile(name: string, bytes: Uint8Array, options: { html?: boolean } = {}): string {
  const sniffed = sniffBinary(bytes);
  if (sniffed) {
    throw new ImportError(
      'binary',
      `${name} is ${sniffed.label}, not a text file. Give it its proper extension (or export it as text) and import it again.`,
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    throw new ImportError('not-utf8', `${name} is UTF-32 text. Save it as UTF-8 and import it again.`);
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    // Windows' "Unicode" text: its byte order mark says so. Full of NUL bytes, so decoded before that check.
    const text = strictDecode(utf16, bytes);
    const nulAt = text?.indexOf('\u0000') ?? -1;
    if (nulAt >= 0) {
      throw new ImportError('binary', `${name} contains binary data (a NUL character at position ${nulAt}), so it is not a text file. Export the document as plain UTF-8 text and import it again.`);
    }
    if (text === null) throw new ImportError('not-utf8', `${name} starts like UTF-16 text but is not valid UTF-16. Save it as UTF-8 and import it again.`);
    return text;
  }
  const nul = findNulByte(bytes);
  if (nul >= 0) {
    throw new ImportError(
      'binary',
      `${name} contains binary data (a NUL byte at offset ${nul}), so it is not a text file. Export the document as plain UTF-8 text and import it again.`,
    );
  }
  const text = strictDecode('utf-8', bytes);
  if (text !== null) return text;
  const declared = options.html ? declaredHtmlCharset(bytes) : null;
  if (declared && declared !== 'utf-8') {
    const decoded = strictDecode(declared, bytes);
    if (decoded !== null) return decoded;
    throw new ImportError('not-utf8', `${name} says it is ${declared} text, but it is not valid ${declared}. Save the page again (or as UTF-8) and import it again.`);
  }
  const at = findInvalidUtf8(bytes);
  const where = at >= 0 ? ` (invalid byte at offset ${at})` : '';
  const hint = options.html && !declared ? ', and it does not declare another encoding in a <meta charset> tag' : '';
  throw new ImportError('not-utf8', `${name} is not UTF-8 text${where}${hint}. Save it as UTF-8 and import it again.`);
}
