import type { z } from 'zod';
import { NOTEBOOK_SCHEMA_VERSION } from '../../../shared/model';
import { DOCUMENT_SCHEMAS, type DocumentKind, type DocumentOf } from './documents';
import { DocumentProblem } from './errors';
import { leanLibraryDoc } from './lean-library';
import { migrateDocument } from './migrations';
import { parseJson } from './parse-json';

/**
 * The one way a stored document comes back into memory: parse the JSON, refuse versions from
 * the future, migrate older versions, validate and fill defaults. Anything that fails throws a
 * `DocumentProblem` worded for the analyst's recovery report; nothing here touches the disk.
 */
export function restoreDocument<K extends DocumentKind>(kind: K, text: string): DocumentOf<K> {
  const raw = parseJson(text);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new DocumentProblem('not a JSON object');
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new DocumentProblem('has no valid schemaVersion');
  }
  if (version > NOTEBOOK_SCHEMA_VERSION) {
    throw new DocumentProblem(`was written by a newer Stancebook (schema ${version}); this version reads up to ${NOTEBOOK_SCHEMA_VERSION}`, version);
  }
  const upgraded = migrateDocument(kind, raw as Record<string, unknown>, version);
  // The library index is read at every open: a fast check vouches for the usual shape, zod decides the rest.
  const lean = kind === 'library' ? leanLibraryDoc(upgraded) : null;
  if (lean) return lean as DocumentOf<K>;
  const result = (DOCUMENT_SCHEMAS[kind] as z.ZodType).safeParse(upgraded);
  if (!result.success) throw new DocumentProblem(`does not match the notebook format (${describeIssues(result.error)})`);
  return result.data as DocumentOf<K>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`)
    .join('; ');
}
