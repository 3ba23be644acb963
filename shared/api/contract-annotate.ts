import { z } from 'zod';
import { ActorAttributesShape, ActorSchema, ArticleSummarySchema, ClaimSchema, CodebookSchema, IssueSchema, StanceSchema, TagSchema } from '../model';
import { method } from './method';

const id = z.string().min(1, 'an id is required').max(200);
const empty = z.object({}).strict();
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
const name = z.string().trim().min(1, 'a name is required').max(200);
const aliases = z.array(z.string().trim().min(1, 'an alias cannot be empty').max(200)).max(200);
const propositions = z.array(z.string().trim().min(1, 'a proposition cannot be empty').max(1000)).max(500);
const stanceValue = z.number().int().min(-10).max(10);
/**
 * Where the claims (or child issues) of a deleted entry go: another entry's id, or null to clear
 * the coding from them. Left out, a delete of an entry in use is refused with a count.
 */
const reassignTo = id.nullable().optional();

/** How the claims of an article stand after a change of its text. */
export const AnchorCountsSchema = z.object({
  exact: z.number().int().nonnegative(),
  relocated: z.number().int().nonnegative(),
  orphaned: z.number().int().nonnegative(),
  /** Of the exact and relocated ones, how many are placed but need the analyst's review. */
  needsReview: z.number().int().nonnegative(),
});
export type AnchorCounts = z.infer<typeof AnchorCountsSchema>;

/** A stretch of the current text, with its surroundings, offered to the analyst. */
export const TextSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextSpan = z.infer<typeof TextSpanSchema>;

/** One claim whose quote was lost by an edit, for the orphans review. */
export const OrphanSchema = z.object({
  articleId: z.string(),
  articleTitle: z.string(),
  claim: ClaimSchema,
  /** The quote and its context as they were before the edit. */
  previous: z.object({ prefix: z.string(), exact: z.string(), suffix: z.string() }),
  /** The closest match in the current text, below the relocation threshold; null if none. */
  bestCandidate: TextSpanSchema.extend({ score: z.number().min(0).max(1) }).nullable(),
});
export type Orphan = z.infer<typeof OrphanSchema>;

/**
 * One claim for the anchor review: orphaned (lost by an edit), or placed but needing review (the
 * relocation's evidence was weak or ambiguous). For the latter, `placed` is where it stands now.
 */
export const AnchorReviewItemSchema = OrphanSchema.extend({
  state: z.enum(['orphaned', 'needs-review']),
  /** Why a placement needs review (empty for orphans). */
  reasons: z.array(z.enum(['ambiguous', 'quote-changed', 'context-changed', 'weak-evidence'])),
  placed: TextSpanSchema.nullable(),
});
export type AnchorReviewItem = z.infer<typeof AnchorReviewItemSchema>;

/** The codebook after a change, and how many claims the change rewrote. */
export const CodebookChangeSchema = z.object({
  codebook: CodebookSchema,
  claimsChanged: z.number().int().nonnegative(),
});
export type CodebookChange = z.infer<typeof CodebookChangeSchema>;

export const HistoryStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** What undo would take back, e.g. "Delete claim"; null when there is nothing. */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryStateSchema>;

/** How many claims carry each codebook entry, across the whole notebook. */
const counts = z.record(z.string(), z.number().int().nonnegative());
export const CodebookUsageSchema = z.object({
  claimCount: z.number().int().nonnegative(),
  /** By entry id; entries no claim uses are left out. */
  actors: counts,
  issues: counts,
  stances: counts,
  /** By tag name in lower case: claims carry tags by name, matched ignoring case. */
  tags: counts,
});
export type CodebookUsage = z.infer<typeof CodebookUsageSchema>;

const merge = z.object({ fromId: id, intoId: id }).strict();
const labelled = z.object({ label: z.string() });

/**
 * API methods of the annotate area: text revisions and re-anchoring, the orphans review,
 * codebook management and undo/redo. Spread into the contract in contract.ts; the handlers live
 * in electron/core/history/handlers.ts. Every change here is one step of the undo history.
 */
export const annotateMethods = {
  reviseArticleText: method(
    "Replaces an article's text with an edited version, keeps the old one as a revision, and finds every claim again.",
    z.object({ articleId: id, text: z.string().max(60_000_000) }).strict(),
    z.object({
      article: ArticleSummarySchema,
      rev: z.number().int().positive(),
      /** False when the text was the same as before: nothing was written. */
      changed: z.boolean(),
      counts: AnchorCountsSchema,
    }),
  ),
  restoreRemovedBlock: method(
    'Puts a block of page furniture the importer removed back into the article, as a new revision (claims are placed again).',
    z.object({ articleId: id, index: z.number().int().nonnegative().max(499) }).strict(),
    z.object({ article: ArticleSummarySchema, rev: z.number().int().positive(), changed: z.boolean(), counts: AnchorCountsSchema }),
  ),
  getArticleRevisions: method(
    "An article's earlier texts, oldest first.",
    z.object({ articleId: id }).strict(),
    z.object({
      rev: z.number().int().positive(),
      revisions: z.array(z.object({ rev: z.number().int().positive(), replacedAt: z.string(), length: z.number().int().nonnegative() })),
    }),
  ),
  listOrphans: method(
    'Claims whose quote an edit lost (of one article, or all), with their old context and the closest match now.',
    z.object({ articleId: id.optional() }).strict(),
    z.array(OrphanSchema),
  ),
  listAnchorReview: method(
    'Claims to review after edits (of one article, or all): orphaned ones and placed ones that need review, in text order.',
    z.object({ articleId: id.optional() }).strict(),
    z.array(AnchorReviewItemSchema),
  ),
  confirmPlacement: method(
    "Confirms a placement that needs review: the claim stays where it is, now trusted; records when (and the notebook's user label, if one is set).",
    z.object({ articleId: id, claimId: id }).strict(),
    z.object({ claim: ClaimSchema }),
  ),
  resolveOrphan: method(
    'Settles an orphaned claim (or one that needs review): accept the closest match, reselect a range, or delete the claim.',
    z
      .object({
        articleId: id,
        claimId: id,
        action: z.enum(['accept', 'reselect', 'delete']),
        start: z.number().int().optional(),
        end: z.number().int().optional(),
      })
      .strict(),
    z.object({ claim: ClaimSchema.nullable() }),
  ),

  getCodebookUsage: method('How many claims in the notebook carry each actor, issue, stance and tag.', empty, CodebookUsageSchema),

  createActor: method(
    'Adds an actor; the name must differ from every other actor.',
    z.object({ name, aliases: aliases.optional(), color: colour.nullable().optional(), ...ActorAttributesShape }).strict(),
    ActorSchema,
  ),
  updateActor: method(
    'Renames or recolours an actor, replaces its aliases, or sets its registry attributes (kind, country, affiliation, parent, Wikidata id, notes; null clears one).',
    z
      .object({
        id,
        patch: z
          .object({ name, aliases, color: colour.nullable(), ...ActorAttributesShape })
          .partial()
          .strict(),
      })
      .strict(),
    ActorSchema,
  ),
  mergeActors: method('Merges one actor into another: its claims, name and aliases follow.', merge, CodebookChangeSchema),
  deleteActor: method(
    'Removes an actor; refused while claims use it unless reassignTo says where they go (null: off the claims).',
    z.object({ id, reassignTo }).strict(),
    CodebookChangeSchema,
  ),

  createIssue: method(
    'Adds an issue, at the top or under a parent issue.',
    z.object({ name, parentId: id.nullable().optional(), propositions: propositions.optional() }).strict(),
    IssueSchema,
  ),
  updateIssue: method(
    'Renames an issue, moves it under another parent, or replaces its propositions.',
    z.object({ id, patch: z.object({ name, parentId: id.nullable(), propositions }).partial().strict() }).strict(),
    IssueSchema,
  ),
  renameProposition: method(
    "Rewords one of an issue's propositions; claims on that issue with the old wording take the new one.",
    z
      .object({ issueId: id, from: z.string().trim().min(1).max(1000), to: z.string().trim().min(1, 'the new wording cannot be empty').max(1000) })
      .strict(),
    CodebookChangeSchema,
  ),
  mergeIssues: method('Merges one issue into another: its claims, propositions and sub-issues follow.', merge, CodebookChangeSchema),
  deleteIssue: method(
    'Removes an issue; refused while claims use it or it has sub-issues, unless reassignTo / childrenTo say where they go.',
    z.object({ id, reassignTo, childrenTo: id.nullable().optional() }).strict(),
    CodebookChangeSchema,
  ),

  createStance: method(
    'Adds a point to the stance scale, at the given value or after the last one.',
    z.object({ label: z.string().trim().min(1).max(100), color: colour, value: stanceValue.optional() }).strict(),
    StanceSchema,
  ),
  updateStance: method(
    "Changes a stance's label, colour or value (values stay unique).",
    z
      .object({
        id,
        patch: z
          .object({ label: z.string().trim().min(1).max(100), color: colour, value: stanceValue })
          .partial()
          .strict(),
      })
      .strict(),
    StanceSchema,
  ),
  moveStance: method(
    'Moves a stance to another place on the ordered scale (0 = the most opposed).',
    z.object({ id, toIndex: z.number().int().nonnegative() }).strict(),
    CodebookChangeSchema,
  ),
  mergeStances: method('Merges one stance into another: its claims follow.', merge, CodebookChangeSchema),
  deleteStance: method(
    'Removes a stance; refused while claims use it unless reassignTo says where they go (null: no stance).',
    z.object({ id, reassignTo }).strict(),
    CodebookChangeSchema,
  ),

  createTag: method(
    'Adds a tag to the codebook.',
    z.object({ name: z.string().trim().min(1).max(100), color: colour.nullable().optional() }).strict(),
    TagSchema,
  ),
  updateTag: method(
    'Renames (claims follow) or recolours a tag.',
    z
      .object({
        id,
        patch: z
          .object({ name: z.string().trim().min(1).max(100), color: colour.nullable() })
          .partial()
          .strict(),
      })
      .strict(),
    TagSchema,
  ),
  mergeTags: method('Merges one tag into another: claims carrying it carry the other instead.', merge, CodebookChangeSchema),
  deleteTag: method(
    'Removes a tag; refused while claims carry it unless reassignTo names another tag (null: off the claims).',
    z.object({ id, reassignTo }).strict(),
    CodebookChangeSchema,
  ),

  undo: method('Takes back the last annotation or codebook change of this session.', empty, labelled),
  redo: method('Does again the change undo last took back.', empty, labelled),
  getHistory: method('Whether undo and redo are possible, and what they would do.', empty, HistoryStateSchema),
} as const;
