import { z } from 'zod';
import { ClaimCodingSchema, ClaimSchema, CoderSchema, DoubleCodingSchema } from '../model';
import { ExportedFileSchema, method } from './method';

const id = z.string().min(1, 'an id is required').max(200);
const empty = z.object({}).strict();

/** Krippendorff's alpha for one variable over the matched units (see electron/core/agreement). */
export const AlphaSummarySchema = z.object({
  /** Null when it cannot be computed: fewer than two pairable values, or no variation at all. */
  alpha: z.number().nullable(),
  level: z.enum(['nominal', 'ordinal']),
  /** Matched units in which at least two coders gave a value. */
  units: z.number().int().nonnegative(),
  /** Values in those units. */
  pairable: z.number().int().nonnegative(),
});
export type AlphaSummary = z.infer<typeof AlphaSummarySchema>;

/** A coder as the report names them: the id, and the name last seen in a claim's history. */
export const KnownCoderSchema = z.object({ id: z.string(), name: z.string().nullable() });
export type KnownCoder = z.infer<typeof KnownCoderSchema>;

/** One span that two or more coders marked: their claims, one per coder. */
export const AgreementUnitSchema = z.object({
  articleId: z.string(),
  articleTitle: z.string(),
  /** The lowest character IoU between any two claims of the unit. */
  overlap: z.number().min(0).max(1),
  claims: z.array(ClaimSchema),
  /** Which of actor, issue and stance the coders gave differently (missing values included). */
  differs: z.array(z.enum(['actor', 'issue', 'stance'])),
});
export type AgreementUnit = z.infer<typeof AgreementUnitSchema>;

export const AgreementReportSchema = z.object({
  /** How claims were matched, in words, for the report's reader. */
  matching: z.string(),
  /** Articles with claims by at least two coders, which the report covers. */
  articles: z.array(z.object({ id: z.string(), title: z.string() })),
  /** Articles in scope coded by one coder only (left out). */
  singleCoderArticles: z.number().int().nonnegative(),
  /** Claims in scope with no coder (made before a coder was set): left out. */
  claimsWithoutCoder: z.number().int().nonnegative(),
  coders: z.array(KnownCoderSchema.extend({ claims: z.number().int().nonnegative(), matched: z.number().int().nonnegative() })),
  alpha: z.object({ actor: AlphaSummarySchema, issue: AlphaSummarySchema, stance: AlphaSummarySchema }),
  units: z.array(AgreementUnitSchema),
  /** Claims no other coder's claim overlapped enough, by coder. */
  unmatched: z.array(z.object({ coderId: z.string(), articleId: z.string(), articleTitle: z.string(), claim: ClaimSchema })),
});
export type AgreementReport = z.infer<typeof AgreementReportSchema>;

/**
 * Coders, blind double coding, agreement and adjudication (issue 14). Handlers in
 * electron/core/coders/handlers.ts.
 */
export const codersMethods = {
  getCoder: method("This copy's coder (name and stable id), or null when none is set yet.", empty, CoderSchema.nullable()),
  setCoder: method(
    "Sets this copy's coder name (the id stays), or takes up a given id. Claims made from now on carry it.",
    z.object({ name: z.string().trim().min(1, 'a coder name is required').max(200), id: z.string().trim().min(1).max(100).optional() }).strict(),
    CoderSchema,
  ),
  listCoders: method('Every coder whose claims are in the notebook, with the name last recorded for them.', empty, z.array(KnownCoderSchema)),
  setDoubleCoding: method(
    'Marks an article for blind double coding (each coder sees only their own claims until done), or back to open coding.',
    z.object({ articleId: id, blind: z.boolean() }).strict(),
    z.object({ doubleCoding: DoubleCodingSchema.nullable() }),
  ),
  markCodingDone: method(
    "Marks this copy's coder done (or not done) with a blind-coded article; once done they see everyone's claims.",
    z.object({ articleId: id, done: z.boolean() }).strict(),
    z.object({ doubleCoding: DoubleCodingSchema.nullable() }),
  ),
  getAgreementReport: method(
    "Agreement between coders over some articles (ids), a collection, or the whole notebook: matched spans, Krippendorff's alpha for actor, issue (nominal) and stance (ordinal), unmatched spans.",
    z.object({ articleIds: z.array(id).max(100_000).optional(), collection: z.string().trim().min(1).max(200).optional() }).strict(),
    AgreementReportSchema,
  ),
  exportAgreementReport: method(
    'The agreement report’s spans as CSV: one row per claim, matched spans numbered with what differs, then unmatched ones.',
    z.object({ articleIds: z.array(id).max(100_000).optional(), collection: z.string().trim().min(1).max(200).optional() }).strict(),
    ExportedFileSchema,
  ),
  adjudicate: method(
    "Settles a matched pair: keeps one coder's claim (its coding edited first when `coding` is given: a merge or a third version) and moves the others to the trash, as one undoable change recorded in the kept claim's history.",
    z
      .object({
        articleId: id,
        keepClaimId: id,
        dropClaimIds: z.array(id).min(1, 'name the claims to set aside').max(20),
        decision: z.enum(['keep', 'merge', 'third']),
        coding: ClaimCodingSchema.partial().strict().optional(),
      })
      .strict(),
    z.object({ claim: ClaimSchema }),
  ),
} as const;
