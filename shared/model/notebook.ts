import { z } from 'zod';

/** The schema version this build writes. Older notebooks are migrated on open. */
export const NOTEBOOK_SCHEMA_VERSION = 1;

export const NotebookMetaSchema = z.object({
  format: z.literal('stancebook'),
  schemaVersion: z.number().int().positive(),
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type NotebookMeta = z.infer<typeof NotebookMetaSchema>;
