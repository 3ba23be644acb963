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
 * Decodes a text file (.txt, .md, .html, .csv) as strict UTF-8 and strips a BOM.
 * Throws ImportError 'binary' when the bytes are some other format or hold NUL bytes,
 * and 'not-utf8' when they are not valid UTF-8: guessing a legacy encoding would
 * silently corrupt quotes that claims anchor to.
 */
export function decodeTextFile(name: string, bytes: Uint8Array): string {
  const sniffed = sniffBinary(bytes);
  if (sniffed) {
    throw new ImportError(
      'binary',
      `${name} is ${sniffed.label}, not a text file. Give it its proper extension (or export it as text) and import it again.`,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // UTF-16 files are full of NUL bytes; say what they are rather than calling them binary.
    throw new ImportError('not-utf8', `${name} is UTF-16 text, not UTF-8. Save it as UTF-8 and import it again.`);
  }
  const nul = findNulByte(bytes);
  if (nul >= 0) {
    throw new ImportError(
      'binary',
      `${name} contains binary data (a NUL byte at offset ${nul}), so it is not a text file. Export the document as plain UTF-8 text and import it again.`,
    );
  }
  try {
    // ignoreBOM: false (the default) makes the decoder drop a leading BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const at = findInvalidUtf8(bytes);
    const where = at >= 0 ? ` (invalid byte at offset ${at})` : '';
    throw new ImportError('not-utf8', `${name} is not UTF-8 text${where}. Save it as UTF-8 and import it again.`, { cause });
  }
}
