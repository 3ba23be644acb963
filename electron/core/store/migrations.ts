import { NOTEBOOK_SCHEMA_VERSION } from '../../../shared/model';
import type { DocumentKind } from './documents';
import { migrateV0Layout } from './migrate-v0';

/** A loose JSON object as read from disk, before validation. */
export type RawDocument = Record<string, unknown>;

/**
 * One step from schema version `to - 1` to `to`. A step may rewrite the folder (`layout`, run
 * once at open, before anything else is read, after a backup) and/or upgrade individual
 * documents (`documents`, applied every time an older document is read, so ten thousand shards
 * need not be rewritten at open; they are written at the new version on their next save).
 *
 * Adding schema 2 is one entry here plus NOTEBOOK_SCHEMA_VERSION = 2 in shared/model.
 */
export interface Migration {
  to: number;
  describe: string;
  layout?: (dir: string) => Promise<void>;
  documents?: Partial<Record<DocumentKind, (doc: RawDocument) => RawDocument>>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    describe: 'pre-release single-file notebook (schema 0) to the sharded layout',
    layout: migrateV0Layout,
  },
];

/** Upgrades one document read at `version` to the current schema, step by step. */
export function migrateDocument(kind: DocumentKind, doc: RawDocument, version: number): RawDocument {
  let current = doc;
  for (const step of MIGRATIONS) {
    if (step.to <= version) continue;
    const upgrade = step.documents?.[kind];
    if (upgrade) current = upgrade(current);
  }
  return version === NOTEBOOK_SCHEMA_VERSION ? current : { ...current, schemaVersion: NOTEBOOK_SCHEMA_VERSION };
}

/** The layout steps a notebook at `version` needs, in order. */
export function layoutStepsFrom(version: number): Migration[] {
  return MIGRATIONS.filter((step) => step.to > version && step.layout !== undefined);
}
