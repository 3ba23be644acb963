/**
 * Recognising what a file really is from its first bytes, whatever its name says.
 * Only formats a user is likely to drop on the notebook by mistake are named.
 */

/** A format recognised by its magic bytes. */
export type SniffedKind = 'pdf' | 'docx' | 'odt' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'webp' | 'gzip' | 'rtf' | 'exe';

/** What the bytes say the file is, with a phrase for messages ("a PDF document"). */
export interface Sniffed {
  kind: SniffedKind;
  label: string;
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** Whether an ASCII name occurs in the bytes, as zip directory entries store it. */
function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

/** Whether a name occurs in UTF-16LE, as compound-file directory entries store it. */
function containsUtf16(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(needle, 'utf16le'));
}

/**
 * Recognises a binary format by its magic bytes. Returns null for anything else,
 * which includes every text format (HTML and Markdown have no magic).
 */
export function sniffBinary(bytes: Uint8Array): Sniffed | null {
  if (startsWith(bytes, ascii('%PDF-'))) return { kind: 'pdf', label: 'a PDF document' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // A .docx is a zip whose entries include word/document.xml; names sit uncompressed in headers.
    if (containsAscii(bytes, 'word/document.xml')) return { kind: 'docx', label: 'a Word document (.docx)' };
    // An OpenDocument package starts with its uncompressed "mimetype" entry.
    if (containsAscii(bytes.subarray(0, 200), 'application/vnd.oasis.opendocument.text'))
      return { kind: 'odt', label: 'an OpenDocument text (.odt)' };
    return { kind: 'zip', label: 'a ZIP archive' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { kind: 'ole', label: 'a Microsoft Office file (compound file format)' };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'png', label: 'a PNG image' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'jpeg', label: 'a JPEG image' };
  if (startsWith(bytes, ascii('GIF8'))) return { kind: 'gif', label: 'a GIF image' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { kind: 'webp', label: 'a WebP image' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'gzip', label: 'a gzip archive' };
  if (startsWith(bytes, ascii('{\\rtf'))) return { kind: 'rtf', label: 'an RTF document' };
  if (startsWith(bytes, ascii('MZ')) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { kind: 'exe', label: 'a program' };
  return null;
}

/**
 * Whether an Office compound file holds an encrypted OOXML package (a password-protected
 * .docx) rather than an old binary .doc: Office puts the package in an "EncryptedPackage" stream.
 */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return containsUtf16(bytes, 'EncryptedPackage');
}

/** Offset of the first NUL byte in the first 8 KiB, or -1. Text files never contain NUL. */
export function findNulByte(bytes: Uint8Array): number {
  return bytes.subarray(0, 8192).indexOf(0);
}

/** Importer chosen from a file name's extension. */
export type FormatByName = 'text' | 'markdown' | 'html' | 'docx' | 'odt' | 'pdf' | 'csv';

const EXTENSIONS: Record<string, FormatByName> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  odt: 'odt',
  pdf: 'pdf',
  csv: 'csv',
};

/** The lower-case extension of a file name, without the dot ("" when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The importer a file's name asks for, or null for an extension this does not know. */
export function formatFromName(name: string): FormatByName | null {
  return EXTENSIONS[extensionOf(name)] ?? null;
}

/** Whether decoded text looks like an HTML document rather than prose. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<meta\s|<!--)/i.test(text.slice(0, 1024));
}
