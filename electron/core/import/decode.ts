import { labelToName, TextDecoder as WhatwgTextDecoder } from '@exodus/bytes/encoding.js';
import htmlEncodingSniffer from 'html-encoding-sniffer';
import { findNulByte, sniffBinary } from './detect';
import { ImportError } from './types';

/** Offset of the first byte that is not part of valid UTF-8, or -1. For error messages only. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
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
 * `http-equiv="Content-Type"` form), found by the HTML standard's prescan
 * (html-encoding-sniffer), as a WHATWG encoding name in lower case, or null. As the standard
 * says, a `<meta>` readable as ASCII cannot be UTF-16, so such a declaration means UTF-8.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  // No default: a page that declares nothing must not be read as windows-1252 by guess.
  const sniffed = htmlEncodingSniffer(bytes.subarray(0, 1024), { defaultEncoding: '' });
  const encoding = sniffed ? (labelToName(sniffed)?.toLowerCase() ?? null) : null;
  if (!encoding || encoding === 'replacement' || encoding === 'x-user-defined') return null;
  return encoding;
}

/**
 * Decodes with the WHATWG Encoding standard's decoders (@exodus/bytes: Node's own TextDecoder
 * drops windows-1252's 0x80-0x9F characters), refusing rather than replacing invalid bytes.
 */
function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: false (the default) makes the decoder drop a leading BOM.
    return new WhatwgTextDecoder(encoding, { fatal: true }).decode(bytes);
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
      throw new ImportError(
        'binary',
        `${name} contains binary data (a NUL character at position ${nulAt}), so it is not a text file. Export the document as plain UTF-8 text and import it again.`,
      );
    }
    if (text === null)
      throw new ImportError('not-utf8', `${name} starts like UTF-16 text but is not valid UTF-16. Save it as UTF-8 and import it again.`);
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
    throw new ImportError(
      'not-utf8',
      `${name} says it is ${declared} text, but it is not valid ${declared}. Save the page again (or as UTF-8) and import it again.`,
    );
  }
  const at = findInvalidUtf8(bytes);
  const where = at >= 0 ? ` (invalid byte at offset ${at})` : '';
  const hint = options.html && !declared ? ', and it does not declare another encoding in a <meta charset> tag' : '';
  throw new ImportError('not-utf8', `${name} is not UTF-8 text${where}${hint}. Save it as UTF-8 and import it again.`);
}
