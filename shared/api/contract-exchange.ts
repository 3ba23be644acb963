import { z } from 'zod';
import { ExportedFileSchema, method } from './method';

const id = z.string().min(1, 'an id is required').max(200);

/** Largest exchange file a client may send in one call (base64 of 50 MB). */
const MAX_EXCHANGE_BASE64_CHARS = Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4;

/** What a document export renders: the annotated brief, or the article text with its claims. */
export const DocumentKindSchema = z.enum(['brief', 'article']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DocumentFormatSchema = z.enum(['md', 'html', 'pdf', 'docx']);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

/** Claim exchange formats: W3C Web Annotation JSON-LD, a spreadsheet, or a REFI-QDA project. */
export const AnnotationFormatSchema = z.enum(['w3c', 'csv', 'qdpx']);
export type AnnotationFormat = z.infer<typeof AnnotationFormatSchema>;

/** Codebook formats: Stancebook's own JSON, or a REFI-QDA codebook (.qdc). */
export const CodebookFormatSchema = z.enum(['json', 'qdc']);
export type CodebookFormat = z.infer<typeof CodebookFormatSchema>;

/** What an annotation import did, annotation by annotation where something went wrong. */
export const AnnotationImportReportSchema = z.object({
  /** Claims created. */
  imported: z.number().int().nonnegative(),
  /** Annotations whose text could not be found in any article. */
  notAnchored: z.array(z.object({ quote: z.string(), reason: z.string() })),
  /** Annotations left out on purpose (not about text, already in the notebook, unreadable). */
  skipped: z.array(z.object({ annotation: z.string(), reason: z.string() })),
  /** Codebook entries the import added because the file named them and the notebook did not. */
  addedToCodebook: z.object({ actors: z.array(z.string()), issues: z.array(z.string()), stances: z.array(z.string()) }),
});
export type AnnotationImportReport = z.infer<typeof AnnotationImportReportSchema>;

/** What a codebook import added (entries already present by id or name are kept as they are). */
export const CodebookImportReportSchema = z.object({
  actors: z.number().int().nonnegative(),
  issues: z.number().int().nonnegative(),
  stances: z.number().int().nonnegative(),
  tags: z.number().int().nonnegative(),
});
export type CodebookImportReport = z.infer<typeof CodebookImportReportSchema>;

/**
 * Methods for briefs, exports and exchange with other tools (W3C Web Annotation, CSV,
 * REFI-QDA, archives). Spread into the contract in contract.ts.
 */
export const exchangeMethods = {
  exportDocument: method(
    'One article as a document: its annotated brief or its text with highlighted claims, as Markdown, HTML, PDF or Word.',
    z.object({ articleId: id, kind: DocumentKindSchema, format: DocumentFormatSchema }).strict(),
    ExportedFileSchema,
  ),
  exportBriefDocument: method(
    'A brief written in the editor, its citations resolved as the claims are now, as Markdown, HTML, PDF or Word.',
    z.object({ briefId: id, format: DocumentFormatSchema }).strict(),
    ExportedFileSchema,
  ),
  exportAnnotations: method(
    "Claims (all, or one article's) as W3C Web Annotations, CSV or a REFI-QDA project.",
    z.object({ articleId: id.optional(), format: AnnotationFormatSchema }).strict(),
    ExportedFileSchema,
  ),
  exportCodebook: method(
    'The codebook as Stancebook JSON or a REFI-QDA codebook.',
    z.object({ format: CodebookFormatSchema }).strict(),
    ExportedFileSchema,
  ),
  exportArchive: method(
    'The whole notebook (articles, claims, codebook, briefs) as one zip, for backup or moving; restoreArchive or `stancebook restore` makes a new notebook of it.',
    z.object({}).strict(),
    ExportedFileSchema,
  ),
  restoreArchive: method(
    'Restores an archive (a zip from exportArchive) as a new notebook in a new folder beside this one; this notebook does not change.',
    z.object({ name: z.string().min(1).max(1000), dataBase64: z.string().max(MAX_EXCHANGE_BASE64_CHARS) }).strict(),
    z.object({
      /** The new notebook's folder: open it with `--data`. */
      dir: z.string(),
      articles: z.number().int().nonnegative(),
      claims: z.number().int().nonnegative(),
      briefs: z.number().int().nonnegative(),
    }),
  ),
  importAnnotations: method(
    'Adds claims from a W3C Web Annotation file, placing each on the article that holds its quote.',
    z.object({ name: z.string().min(1).max(1000), dataBase64: z.string().max(MAX_EXCHANGE_BASE64_CHARS) }).strict(),
    AnnotationImportReportSchema,
  ),
  importCodebook: method(
    'Adds the actors, issues, stances and tags of a Stancebook codebook JSON file that this notebook lacks.',
    z.object({ name: z.string().min(1).max(1000), dataBase64: z.string().max(MAX_EXCHANGE_BASE64_CHARS) }).strict(),
    CodebookImportReportSchema,
  ),
} as const;
