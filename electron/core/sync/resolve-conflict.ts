import { UserError } from '../../../shared/api';
import type { SyncConflict } from '../../../shared/api/contract-sync';
import {
  ActorSchema,
  BriefSchema,
  ClaimSchema,
  IssueSchema,
  StanceSchema,
  TagSchema,
  type Article,
  type Claim,
  type Codebook,
} from '../../../shared/model';
import { deleteArticle, requireArticle } from '../articles/articles';
import { historyOf } from '../history/history';
import { deleteActor, mergeActors } from '../codebook/codebook-actors';
import { deleteIssue, mergeIssues } from '../codebook/codebook-issues';
import { deleteStance, mergeStances } from '../codebook/codebook-stances';
import { deleteTag } from '../codebook/codebook-tags';
import { reviseArticleText } from '../articles/revise-article';
import { isoNow, type CoreContext } from '../context';
import { readConflicts, writeConflicts } from './conflicts-file';

/**
 * Resolving one conflict: keep ours (the notebook already holds it), take theirs, or a value
 * merged by hand. Claim, codebook and article-text resolutions are undoable steps of the annotate
 * history; an article's metadata or a brief is written as an edit would be. The conflict leaves
 * the list once the write is durable (undoing the write does not bring the conflict back: the
 * other side's value stays in the Git history).
 */

export type Pick3 = 'ours' | 'theirs' | 'value';

const LISTS = { actor: 'actors', issue: 'issues', stance: 'stances', tag: 'tags' } as const;
const ENTRY_SCHEMAS = { actor: ActorSchema, issue: IssueSchema, stance: StanceSchema, tag: TagSchema } as const;

function chosen(conflict: SyncConflict, pick: Pick3, value: unknown): unknown {
  if (pick === 'value') return value;
  return pick === 'ours' ? conflict.ours : conflict.theirs;
}

function invalid(what: string, detail: string): never {
  throw new UserError('invalid-request', `The hand-merged value is not a valid ${what}: ${detail}. Nothing was changed.`);
}

async function resolveClaim(ctx: CoreContext, conflict: SyncConflict, value: unknown): Promise<void> {
  const articleId = conflict.articleId!;
  const live = (await ctx.store.getArticle(articleId))
    ? ((await ctx.store.getClaims(articleId)).find((c) => c.id === conflict.recordId) ?? null)
    : null;
  let after: Claim | null;
  if (conflict.field === '(record)') {
    if (value === null) after = null;
    else {
      const parsed = ClaimSchema.safeParse(value);
      if (!parsed.success) invalid('claim', parsed.error.issues[0]?.message ?? 'schema');
      after = { ...parsed.data, id: conflict.recordId, articleId };
    }
  } else {
    if (!live)
      throw new UserError(
        'not-found',
        'The claim of this conflict is no longer in the notebook (deleted since); the conflict can only be dismissed by keeping ours.',
      );
    const patch = conflict.field === 'anchor' ? (value as Partial<Claim>) : { [conflict.field]: value };
    const parsed = ClaimSchema.safeParse({ ...live, ...patch });
    if (!parsed.success) invalid(`value for the claim's ${conflict.field}`, parsed.error.issues[0]?.message ?? 'schema');
    after = { ...parsed.data, updatedAt: isoNow(ctx) };
  }
  await historyOf(ctx).perform(async () => ({
    change: { label: 'Resolve sync conflict', articles: [], claims: [{ articleId, claimId: conflict.recordId, before: live, after }] },
    result: null,
  }));
}

async function resolveEntry(ctx: CoreContext, conflict: SyncConflict & { kind: keyof typeof LISTS }, value: unknown): Promise<void> {
  const list = LISTS[conflict.kind];
  const codebook = ctx.store.getCodebook();
  const entries = codebook[list] as { id: string }[];
  if (conflict.field === '(record)' && value === null) {
    // The side that deleted it: its claims follow where that side sent them, if anywhere.
    const into = conflict.mergedInto && entries.some((e) => e.id === conflict.mergedInto) ? conflict.mergedInto : null;
    if (conflict.kind === 'actor') await (into ? mergeActors(ctx, conflict.recordId, into) : deleteActor(ctx, conflict.recordId));
    else if (conflict.kind === 'issue') await (into ? mergeIssues(ctx, conflict.recordId, into) : deleteIssue(ctx, conflict.recordId));
    else if (conflict.kind === 'stance') await (into ? mergeStances(ctx, conflict.recordId, into) : deleteStance(ctx, conflict.recordId));
    else await deleteTag(ctx, conflict.recordId);
    return;
  }
  const current = entries.find((e) => e.id === conflict.recordId);
  const next = conflict.field === '(record)' ? value : current ? { ...current, [conflict.field]: value } : null;
  if (!next)
    throw new UserError('not-found', `That ${conflict.kind} is no longer in the codebook; the conflict can only be dismissed by keeping ours.`);
  const parsed = ENTRY_SCHEMAS[conflict.kind].safeParse(next);
  if (!parsed.success) invalid(conflict.kind, parsed.error.issues[0]?.message ?? 'schema');
  const after: Codebook = {
    ...codebook,
    [list]: current ? entries.map((e) => (e.id === conflict.recordId ? parsed.data : e)) : [...entries, parsed.data],
  };
  await historyOf(ctx).perform(async () => ({
    change: { label: 'Resolve sync conflict', codebook: { before: codebook, after }, articles: [], claims: [] },
    result: null,
  }));
}

async function resolveArticle(ctx: CoreContext, conflict: SyncConflict, value: unknown): Promise<void> {
  if (conflict.field === '(record)') {
    if (value === null) await deleteArticle(ctx, conflict.recordId);
    return; // the edited side is what the notebook holds
  }
  if (conflict.field === 'text') {
    const text = typeof value === 'string' ? value : (value as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') invalid('article text', 'expected the text as a string');
    await reviseArticleText(ctx, conflict.recordId, text);
    return;
  }
  const article = await requireArticle(ctx, conflict.recordId);
  const next = { ...article, [conflict.field]: value, updatedAt: isoNow(ctx) } as Article;
  await ctx.store.putArticle(next);
  ctx.emit({ scope: 'articles', articleId: conflict.recordId });
}

async function resolveBrief(ctx: CoreContext, conflict: SyncConflict, value: unknown): Promise<void> {
  if (conflict.field === '(record)' && value === null) {
    await ctx.store.deleteBrief(conflict.recordId);
  } else {
    const current = ctx.store.getBrief(conflict.recordId);
    const next = conflict.field === '(record)' ? value : current ? { ...current, [conflict.field]: value } : null;
    const parsed = BriefSchema.safeParse(next);
    if (!parsed.success) invalid('brief', parsed.error.issues[0]?.message ?? 'the brief is no longer in the notebook');
    await ctx.store.putBrief({ ...parsed.data, updatedAt: isoNow(ctx) });
  }
  ctx.emit({ scope: 'briefs' });
}

/** Resolves conflict `id`; answers how many remain. */
export async function resolveConflict(ctx: CoreContext, id: string, pick: Pick3, value: unknown): Promise<number> {
  const conflicts = await readConflicts(ctx.store.dir, ctx.now);
  const conflict = conflicts.find((c) => c.id === id);
  if (!conflict)
    throw new UserError(
      'not-found',
      `There is no open conflict ${JSON.stringify(id)} (resolved already, here or by a teammate's sync?). Reload the Conflicts view.`,
    );
  // Keeping the side the notebook already holds writes nothing but the list.
  if (pick !== conflict.applied) {
    const v = chosen(conflict, pick, value);
    if (conflict.kind === 'claim') await resolveClaim(ctx, conflict, v);
    else if (conflict.kind === 'article') await resolveArticle(ctx, conflict, v);
    else if (conflict.kind === 'brief') await resolveBrief(ctx, conflict, v);
    else await resolveEntry(ctx, conflict as SyncConflict & { kind: keyof typeof LISTS }, v);
  }
  const remaining = conflicts.filter((c) => c.id !== id);
  await writeConflicts(ctx.store.dir, remaining);
  ctx.emit({ scope: 'notebook' });
  return remaining.length;
}
