import type { ImportedDocument, ImportErrorCode, ImportOptions } from './types';

/** One file for the import worker. `bytes` is transferred, not copied. */
export interface WorkerRequest {
  id: number;
  name: string;
  bytes: ArrayBuffer;
  options: ImportOptions;
}

/** The worker's answer: the document, or why it was refused (`code: null` for an unexpected error). */
export type WorkerReply = { id: number; ok: true; doc: ImportedDocument } | { id: number; ok: false; code: ImportErrorCode | null; message: string };
