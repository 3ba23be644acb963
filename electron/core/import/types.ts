import type { ArticleMeta, Block, ImportOrigin, Normalisation, RemovedBlock } from '../../../shared/model/article';

/**
 * What an importer hands back: the article's facts it could find, its canonical
 * text and the block structure over that text. The store adds ids, hashes and times.
 */
export interface ImportedDocument {
  /** Only the facts the source states; missing ones are left out, never guessed. */
  meta: Partial<ArticleMeta>;
  /** Canonical plain text: the blocks' texts joined by "\n". */
  text: string;
  blocks: Block[];
  origin: ImportOrigin;
  /**
   * What the importer changed or left out, or could not do with confidence, in the analyst's
   * words (e.g. "Reading order uncertain on page 3…", "2 comments kept as notes"). Absent when none.
   */
  notes?: string[];
  /** Source cells no field was mapped to (CSV), by column name. */
  sourceFields?: Record<string, string>;
  /** What was normalised in the extracted text (see buildTextBlocks). */
  normalisation?: Normalisation;
  /** Page furniture taken out after Readability, restorable from the reader. */
  removedBlocks?: RemovedBlock[];
  /** Tags and collections the source assigns (CSV columns mapped to them). */
  tags?: string[];
  collections?: string[];
}

/** A block before it has a position: what the importers produce from a source. */
export interface BlockDraft {
  kind: Block['kind'];
  text: string;
  /** Heading level, or list nesting depth. */
  level?: number;
  /** For list items: numbered or not. */
  ordered?: boolean;
  /** HTML only: how many of the text's characters sit inside links (for the furniture rules). */
  linkChars?: number;
  /** Runs of spaces and tabs are the writer's (plain text): kept, not collapsed. */
  verbatim?: boolean;
  /** Follows the block before after a single line break, in the same paragraph. */
  lineBreak?: boolean;
  /** Blank lines the source had before this block (plain text). */
  blankLinesBefore?: number;
  /** For table cells: the table (numbered by the importer, in order), row, column, header cell. */
  table?: number;
  row?: number;
  col?: number;
  header?: boolean;
  colSpan?: number;
  rowSpan?: number;
}

/** Why an import was refused. Each code maps to one thing the user can do about it. */
export type ImportErrorCode = 'empty' | 'too-large' | 'binary' | 'not-utf8' | 'unsupported' | 'corrupt' | 'encrypted' | 'malformed';

/**
 * An import the user has to fix. `message` is shown as is: it names the file,
 * says what was wrong and what to do. `cause` keeps the library's own error, for logs.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Options every importer accepts. */
export interface ImportOptions {
  /** Refuse files larger than this many bytes; defaults to MAX_IMPORT_BYTES. */
  maxBytes?: number;
}
