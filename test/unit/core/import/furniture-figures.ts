import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importHtml } from '../../../../electron/core/import/html';
import { normaliseBlockText } from '../../../../electron/core/import/text-blocks';

/** The labelled saved pages (see test/fixtures/furniture/README.md). */
export const FURNITURE_FIXTURES = fileURLToPath(new URL('../../../fixtures/furniture/', import.meta.url));

interface Labels {
  /** 'tuning': the rules were written with it at hand; 'held-out': written after, never tuned on. */
  set: 'tuning' | 'held-out';
  language: string;
  text: string[];
  furniture: string[];
}

/** One page's figures: furniture blocks left by Readability, removed by the classifier, kept; text lost. */
export interface PageFurnitureFigures {
  name: string;
  set: 'tuning' | 'held-out';
  language: string;
  furniture: number;
  /** Furniture Readability and the pre-clean already dropped. */
  droppedBeforeClassifier: number;
  removedByClassifier: number;
  kept: string[];
  /** Labelled article paragraphs the classifier removed or that are missing from the text. */
  textLost: string[];
  /** Blocks of the import (kept or removed) that carry no label: the labelling must be complete. */
  unlabelled: string[];
}

/** Imports every labelled page and compares what was removed with the labels. */
export function measureFurniture(): PageFurnitureFigures[] {
  const names = readdirSync(`${FURNITURE_FIXTURES}pages`)
    .filter((n) => n.endsWith('.html'))
    .sort();
  return names.map((file) => {
    const name = file.replace(/\.html$/, '');
    const labels = JSON.parse(readFileSync(`${FURNITURE_FIXTURES}labels/${name}.json`, 'utf8')) as Labels;
    const doc = importHtml(readFileSync(`${FURNITURE_FIXTURES}pages/${file}`, 'utf8'), file);
    const kept = doc.blocks.map((b) => doc.text.slice(b.start, b.end));
    const removed = (doc.removedBlocks ?? []).map((b) => b.text);
    const furniture = labels.furniture.map((t) => normaliseBlockText(t));
    const text = labels.text.map((t) => normaliseBlockText(t));
    const known = new Set([...furniture, ...text]);
    return {
      name,
      set: labels.set,
      language: labels.language,
      furniture: furniture.length,
      droppedBeforeClassifier: furniture.filter((f) => !kept.includes(f) && !removed.includes(f)).length,
      removedByClassifier: furniture.filter((f) => removed.includes(f)).length,
      kept: furniture.filter((f) => kept.includes(f)),
      textLost: text.filter((t) => removed.includes(t) || !kept.includes(t)),
      unlabelled: [...kept, ...removed].filter((b) => !known.has(b)),
    };
  });
}

/** Totals over the pages of one set, as the import bench prints them (prefixed by the set). */
export function furnitureTotals(all: PageFurnitureFigures[], set: 'tuning' | 'held-out' = 'tuning'): Record<string, number> {
  const pages = all.filter((p) => p.set === set);
  const sum = (f: (p: PageFurnitureFigures) => number): number => pages.reduce((n, p) => n + f(p), 0);
  const prefix = set === 'tuning' ? 'furniture' : 'furniture_heldout';
  return {
    [`${prefix}_pages`]: pages.length,
    [`${prefix}_languages`]: new Set(pages.map((p) => p.language)).size,
    [`${prefix}_blocks_labelled`]: sum((p) => p.furniture),
    [`${prefix}_dropped_by_readability`]: sum((p) => p.droppedBeforeClassifier),
    [`${prefix}_after_readability`]: sum((p) => p.furniture - p.droppedBeforeClassifier),
    [`${prefix}_removed_by_classifier`]: sum((p) => p.removedByClassifier),
    [`${prefix}_kept`]: sum((p) => p.kept.length),
    [`${prefix}_text_paragraphs_lost`]: sum((p) => p.textLost.length),
  };
}
