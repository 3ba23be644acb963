import { UserError } from '../../../shared/api';
import type { BriefSummary, BriefWithCitations } from '../../../shared/api/contract-briefs';
import type { Brief } from '../../../shared/model';
import { isoNow, type CoreContext } from '../context';
import { collectCitations, emptyDoc, validateBriefDoc } from './brief-doc';
import { resolveCitations } from './citations';

export function requireBrief(ctx: CoreContext, id: string): Brief {
  const brief = ctx.store.getBrief(id);
  if (!brief)
    throw new UserError(
      'not-found',
      `There is no brief with id "${id}". It may have been deleted; see the list of briefs (in the app, or "stancebook list briefs").`,
    );
  return brief;
}

function cleanTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw new UserError('invalid-request', 'A brief needs a title.');
  return trimmed.slice(0, 500);
}

/** Every brief without its document, the most recently changed first. */
export function listBriefs(ctx: CoreContext): BriefSummary[] {
  return ctx.store
    .listBriefs()
    .map((b) => ({ id: b.id, title: b.title, createdAt: b.createdAt, updatedAt: b.updatedAt, citationCount: collectCitations(b.doc).length }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
}

/** One brief with its cited claims as they are now. */
export async function getBrief(ctx: CoreContext, id: string): Promise<BriefWithCitations> {
  const brief = requireBrief(ctx, id);
  return { brief, citations: await resolveCitations(ctx, collectCitations(brief.doc)) };
}

/** Stores a new brief; the document defaults to one empty paragraph. */
export async function createBrief(ctx: CoreContext, title: string, doc: unknown = emptyDoc()): Promise<Brief> {
  validateBriefDoc(doc);
  const now = isoNow(ctx);
  const brief: Brief = { id: ctx.newId('brf'), title: cleanTitle(title), doc, createdAt: now, updatedAt: now };
  await ctx.store.putBrief(brief);
  ctx.emit({ scope: 'briefs' });
  return brief;
}

/** Replaces a brief's document (and title when given); the brief must exist. */
export async function saveBrief(ctx: CoreContext, id: string, doc: unknown, title?: string): Promise<Brief> {
  const current = requireBrief(ctx, id);
  validateBriefDoc(doc);
  const brief: Brief = { ...current, title: title === undefined ? current.title : cleanTitle(title), doc, updatedAt: isoNow(ctx) };
  await ctx.store.putBrief(brief);
  ctx.emit({ scope: 'briefs' });
  return brief;
}

/** Moves a brief to the trash, from where it can be restored. */
export async function deleteBrief(ctx: CoreContext, id: string): Promise<void> {
  requireBrief(ctx, id);
  await ctx.store.deleteBrief(id);
  ctx.emit({ scope: 'briefs' });
}
