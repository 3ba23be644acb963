import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder of real documents the importer tests read (see its README for sources and licences). */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/import/', import.meta.url));

/** A fixture's bytes, as the importers receive them. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES}${name}`));
}

/** A fixture decoded as UTF-8. */
export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** The texts of a document's blocks, in order. */
export function blockTexts(doc: { text: string; blocks: { start: number; end: number }[] }): string[] {
  return doc.blocks.map((b) => doc.text.slice(b.start, b.end));
}
