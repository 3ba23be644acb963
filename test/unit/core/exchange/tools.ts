import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Whether a command-line tool is on the PATH. */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** The text of a PDF, as pdftotext reads it, with whitespace runs collapsed so line wraps do not matter. */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'x.pdf');
    writeFileSync(file, bytes);
    return squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts a DOCX to PDF with LibreOffice, as a Word user would see it, and returns the PDF. */
export function docxToPdf(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docx-'));
  try {
    const file = path.join(dir, 'x.docx');
    writeFileSync(file, bytes);
    // A private profile, so a test never fights a running LibreOffice for its lock.
    execFileSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const pdf = path.join(dir, 'x.pdf');
    if (!existsSync(pdf)) throw new Error('LibreOffice wrote no PDF');
    return new Uint8Array(readFileSync(pdf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates XML against an XSD with xmllint; returns xmllint's complaints ('' when valid). */
export function xmllintErrors(xml: string, xsd: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xml-'));
  try {
    const file = path.join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const result = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
    return result.status === 0 ? '' : result.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Collapses whitespace and normalises typographic quotes, for finding quotes in extracted text. */
export function squash(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .trim();
}
