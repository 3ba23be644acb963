import { z } from 'zod';
import { ArticleMetaSchema, ArticleSchema, ArticleSummarySchema, ArticleUrlSchema, ClaimCodingSchema, ClaimSchema, CodebookSchema } from '../model';
import { annotateMethods } from './contract-annotate';
import { briefsMethods } from './contract-briefs';
import { codersMethods } from './contract-coders';
import { exchangeMethods } from './contract-exchange';
import { libraryMethods } from './contract-library';
import { networksMethods } from './contract-networks';
import { positionsMethods } from './contract-positions';
import { registryMethods } from './contract-registry';
import { searchMethods } from './contract-search';
import { trashMethods } from './contract-trash';
import { suggestMethods } from './contract-suggest';
import { syncMethods } from './contract-sync';
import { method } from './method';
import { NewCodesSchema } from './new-codes';

const empty = z.object({}).strict();
const id = z.string().min(1, 'an id is required').max(200);

export const ImportResultSchema = z.object({
  status: z.enum(['imported', 'duplicate']),
  articleId: z.string(),
  title: z.string(),
  /** The importer's notes on a new article (what it left out or is unsure of); absent when none. */
  notes: z.array(z.string()).optional(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const NotebookInfoSchema = z.object({
  name: z.string(),
  dir: z.string(),
  schemaVersion: z.number(),
  articleCount: z.number(),
  /** Files that could not be read at open, and what was done about each. */
  recovered: z.array(z.object({ file: z.string(), problem: z.string(), quarantinedAs: z.string().nullable(), outcome: z.string() })),
});
export type NotebookInfo = z.infer<typeof NotebookInfoSchema>;

export const ArticleWithClaimsSchema = z.object({
  article: ArticleSchema,
  claims: z.array(ClaimSchema),
});
export type ArticleWithClaims = z.infer<typeof ArticleWithClaimsSchema>;

export type { ExportedFile } from './method';

/** Largest file a renderer may send in one import call (base64 of a 50 MB file). */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4;

/**
 * The whole API between the renderer (and other clients) and the notebook core.
 * Hosts are built from this table: one handler per entry, each request validated with its schema.
 */
export const notebookMethods = {
  getNotebookInfo: method('Name, folder and health of the open notebook.', empty, NotebookInfoSchema),
  listArticles: method('Every article, without bodies, with claim counts.', empty, z.array(ArticleSummarySchema)),
  getArticle: method('One article with its claims in text order.', z.object({ id }).strict(), ArticleWithClaimsSchema),
  importText: method(
    'Adds pasted text as an article; title, date and source are taken from the text where possible.',
    z.object({ text: z.string().max(60_000_000), title: z.string().max(1000).optional() }).strict(),
    ImportResultSchema,
  ),
  importFile: method(
    'Adds a file sent as base64: .txt, .md, .html (saved web page), .docx or .pdf. CSV goes through the CSV import.',
    z.object({ name: z.string().min(1).max(1000), dataBase64: z.string().max(MAX_IMPORT_BASE64_CHARS) }).strict(),
    ImportResultSchema,
  ),
  updateArticleMeta: method(
    "Edits an article's title, source, author, date, URL, language or standfirst.",
    z.object({ id, patch: ArticleMetaSchema.extend({ url: ArticleUrlSchema.nullable() }).partial().strict() }).strict(),
    ArticleSummarySchema,
  ),
  deleteArticle: method('Moves an article and its claims to the trash.', z.object({ id }).strict(), z.object({ ok: z.literal(true) })),
  createClaim: method(
    'Turns a range of an article into a claim with its coding.',
    z
      .object({
        articleId: id,
        start: z.number().int(),
        end: z.number().int(),
        coding: ClaimCodingSchema.partial().strict(),
        newCodes: NewCodesSchema.optional(),
      })
      .strict(),
    ClaimSchema,
  ),
  updateClaim: method(
    "Changes a claim's coding (actors, issue, proposition, stance, speaker, tags, note).",
    z.object({ articleId: id, id, patch: ClaimCodingSchema.partial().strict(), newCodes: NewCodesSchema.optional() }).strict(),
    ClaimSchema,
  ),
  deleteClaim: method('Moves a claim to the trash.', z.object({ articleId: id, id }).strict(), z.object({ ok: z.literal(true) })),
  getCodebook: method('Actors, issues, stances and tags.', empty, CodebookSchema),
} as const;

/**
 * The whole contract: each area of the product contributes its methods from its own file,
 * so adding a method is one entry there and one handler in the core.
 */
export const contract = {
  ...notebookMethods,
  ...annotateMethods,
  ...libraryMethods,
  ...searchMethods,
  ...briefsMethods,
  ...exchangeMethods,
  ...positionsMethods,
  ...trashMethods,
  ...suggestMethods,
  ...networksMethods,
  ...registryMethods,
  ...codersMethods,
  ...syncMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** What a caller passes to a method (before defaults are applied). */
export type RequestOf<K extends MethodName> = z.input<Contract[K]['request']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedRequestOf<K extends MethodName> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends MethodName> = z.output<Contract[K]['response']>;

/** Events the core pushes to every client. */
export const NotebookChangedSchema = z.object({
  scope: z.enum(['articles', 'claims', 'codebook', 'briefs', 'notebook']),
  articleId: z.string().optional(),
  /** The change id the call that made this change was sent with (CallOptions), so its caller knows its own echo. */
  changeId: z.string().optional(),
});
export type NotebookChanged = z.infer<typeof NotebookChangedSchema>;

/**
 * What a caller may send with a request besides the request itself: a change id of its own
 * choosing, echoed on every change event the call causes (NotebookChanged.changeId).
 */
export const CallOptionsSchema = z
  .object({
    changeId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, 'a change id is 1 to 100 letters, digits, "-" or "_"')
      .optional(),
  })
  .strict();
export type CallOptions = z.infer<typeof CallOptionsSchema>;

/** The object the preload (or the browser bridge) installs as `window.stancebook`. */
export type StancebookApi = {
  [K in MethodName]: (request: RequestOf<K>, options?: CallOptions) => Promise<ResponseOf<K>>;
} & {
  /** Subscribes to `notebook:changed`; returns the unsubscribe function. */
  onChanged(listener: (event: NotebookChanged) => void): () => void;
};

/** The core's side: one async function per method. */
export type ApiHandlers = {
  [K in MethodName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>>;
};
