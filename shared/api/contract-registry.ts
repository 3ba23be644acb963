import { z } from 'zod';
import { ExportedFileSchema, method } from './method';

/** Largest registry file taken in one call (characters of CSV text). */
export const MAX_REGISTRY_CSV_CHARS = 20 * 1024 * 1024;

/** What a registry import did (or, as a dry run, would do), row by row; rows count as in a spreadsheet (the header is row 1). */
export const RegistryImportReportSchema = z.object({
  created: z.array(z.object({ row: z.number().int(), name: z.string() })),
  /** Actors matched by name or alias that changed, and which of their fields. */
  updated: z.array(z.object({ row: z.number().int(), name: z.string(), fields: z.array(z.string()) })),
  skipped: z.array(z.object({ row: z.number().int(), name: z.string().nullable(), reason: z.string() })),
  /** Columns of the file the registry does not have; their cells were not read. */
  ignoredColumns: z.array(z.string()),
});
export type RegistryImportReport = z.infer<typeof RegistryImportReportSchema>;

/** The actor registry as a CSV file, for registries kept elsewhere. Spread into contract.ts. */
export const registryMethods = {
  exportRegistry: method(
    'The actor registry as CSV: name, aliases ("; "), kind, country, affiliation, parent (by name), wikidata, notes, color.',
    z.object({}).strict(),
    ExportedFileSchema,
  ),
  importRegistry: method(
    'Reads a registry CSV: rows are matched to actors by name or alias and update them, other rows add actors, parents are named. Any bad row refuses the whole file (row number and reason), changing nothing. dryRun: only report.',
    z.object({ text: z.string().max(MAX_REGISTRY_CSV_CHARS, 'the registry file is over 20 MB; split it'), dryRun: z.boolean().optional() }).strict(),
    RegistryImportReportSchema,
  ),
} as const;
