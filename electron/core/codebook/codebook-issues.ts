import { UserError } from '../../../shared/api';
import type { CodebookChange } from '../../../shared/api/contract-annotate';
import type { Issue } from '../../../shared/model';
import type { CoreContext } from '../context';
import { assertDistinct, assertUnused, changeResult, codebookStep, collectClaimChanges, requireEntry, sameName, uniqueNames } from './codebook-step';

export interface IssueFields {
  name: string;
  parentId: string | null;
  propositions: string[];
}

function assertNameFree(issues: readonly Issue[], exceptId: string | null, name: string): void {
  const holder = issues.find((i) => i.id !== exceptId && sameName(i.name, name));
  if (holder) {
    throw new UserError('conflict', `There is already an issue called "${holder.name}". Pick another name, or merge the two issues.`);
  }
}

/**
 * Refuses a tree with a loop or a parent that is not there. Run on the whole list after every
 * change, so whatever the change (re-parenting, merging, deleting), the tree stays a tree.
 */
export function assertIssueTree(issues: readonly Issue[]): void {
  const byId = new Map(issues.map((i) => [i.id, i]));
  for (const issue of issues) {
    const seen = new Set<string>([issue.id]);
    for (let parentId = issue.parentId; parentId !== null;) {
      const parent = byId.get(parentId);
      if (!parent) {
        throw new UserError('not-found', `There is no issue "${parentId}" to put "${issue.name}" under. Pick an existing parent, or none.`);
      }
      if (seen.has(parent.id)) {
        throw new UserError(
          'invalid-request',
          `"${issue.name}" cannot go under "${parent.name}": that issue is already inside "${issue.name}", which would make a loop. Pick a parent outside it.`,
        );
      }
      seen.add(parent.id);
      parentId = parent.parentId;
    }
  }
}

/** True if `id` is `ancestorId` or inside it. */
function isWithin(issues: readonly Issue[], id: string, ancestorId: string): boolean {
  const byId = new Map(issues.map((i) => [i.id, i]));
  for (let cur: string | null = id, steps = 0; cur !== null && steps <= issues.length; steps += 1) {
    if (cur === ancestorId) return true;
    cur = byId.get(cur)?.parentId ?? null;
  }
  return false;
}

/** Adds an issue, at the top or under `parentId`, as one undo step. */
export function createIssue(ctx: CoreContext, fields: Partial<IssueFields> & { name: string }): Promise<Issue> {
  return codebookStep(ctx, 'Add issue', (codebook) => {
    const name = fields.name.trim();
    assertNameFree(codebook.issues, null, name);
    const issue: Issue = { id: ctx.newId('issue'), name, parentId: fields.parentId ?? null, propositions: uniqueNames(fields.propositions ?? []) };
    codebook.issues.push(issue);
    assertIssueTree(codebook.issues);
    return { codebook, result: issue };
  });
}

/**
 * Renames an issue, moves it under another parent (null: to the top), or replaces its list of
 * propositions, as one undo step. Claims keep their proposition text: it is the analyst's
 * wording on that claim, and the list only offers choices.
 */
export function updateIssue(ctx: CoreContext, id: string, patch: Partial<IssueFields>): Promise<Issue> {
  return codebookStep(ctx, 'Edit issue', (codebook) => {
    const issue = requireEntry(codebook.issues, id, 'issue');
    if (patch.name !== undefined) {
      assertNameFree(codebook.issues, id, patch.name);
      issue.name = patch.name.trim();
    }
    if (patch.parentId !== undefined) {
      if (patch.parentId === id) throw new UserError('invalid-request', `"${issue.name}" cannot be its own parent. Pick another issue, or none.`);
      issue.parentId = patch.parentId;
    }
    if (patch.propositions !== undefined) issue.propositions = uniqueNames(patch.propositions);
    assertIssueTree(codebook.issues);
    return { codebook, result: issue };
  });
}

/**
 * Rewords proposition `from` of an issue as `to`, as one undo step. Claims on that issue whose
 * proposition is the old wording (ignoring case) take the new one; other claims keep theirs. If
 * the issue already lists `to`, the two become one.
 */
export function renameProposition(ctx: CoreContext, issueId: string, from: string, to: string): Promise<CodebookChange> {
  return codebookStep(ctx, 'Rename proposition', async (codebook) => {
    const issue = requireEntry(codebook.issues, issueId, 'issue');
    if (!issue.propositions.some((p) => sameName(p, from))) {
      throw new UserError(
        'not-found',
        `The issue "${issue.name}" has no proposition "${from}". Pick one of its propositions: ${issue.propositions.map((p) => `"${p}"`).join(', ') || 'it has none'}.`,
      );
    }
    const wording = to.trim();
    issue.propositions = uniqueNames(issue.propositions.map((p) => (sameName(p, from) ? wording : p)));
    const claims = await collectClaimChanges(ctx, (claim) =>
      claim.issueId === issueId && sameName(claim.proposition, from) ? { ...claim, proposition: wording } : claim,
    );
    return { codebook, claims, result: changeResult(codebook, claims) };
  });
}

/**
 * Merges issue `fromId` into `intoId`, as one undo step: claims, propositions and sub-issues of
 * the first move to the second. If the second sat inside the first, it first takes the first's
 * place in the tree, so no loop can form.
 */
export function mergeIssues(ctx: CoreContext, fromId: string, intoId: string): Promise<CodebookChange> {
  return codebookStep(ctx, 'Merge issues', async (codebook) => {
    assertDistinct(fromId, intoId, 'issue');
    const from = requireEntry(codebook.issues, fromId, 'issue');
    const into = requireEntry(codebook.issues, intoId, 'issue');
    if (isWithin(codebook.issues, intoId, fromId)) into.parentId = from.parentId;
    into.propositions = uniqueNames([...into.propositions, ...from.propositions]);
    for (const child of codebook.issues) if (child.parentId === fromId) child.parentId = intoId;
    codebook.issues = codebook.issues.filter((i) => i.id !== fromId);
    assertIssueTree(codebook.issues);
    const claims = await collectClaimChanges(ctx, (claim) => (claim.issueId === fromId ? { ...claim, issueId: intoId } : claim));
    return { codebook, claims, result: changeResult(codebook, claims) };
  });
}

/**
 * Removes an issue, as one undo step. Refused while claims use it unless `reassignTo` names
 * their new issue (null: none), and while it has sub-issues unless `childrenTo` names their new
 * parent (null: the top level).
 */
export function deleteIssue(ctx: CoreContext, id: string, reassignTo?: string | null, childrenTo?: string | null): Promise<CodebookChange> {
  return codebookStep(ctx, 'Delete issue', async (codebook) => {
    const issue = requireEntry(codebook.issues, id, 'issue');
    const children = codebook.issues.filter((i) => i.parentId === id);
    if (children.length > 0 && childrenTo === undefined) {
      throw new UserError(
        'conflict',
        `The issue "${issue.name}" has ${children.length} sub-issue${children.length === 1 ? '' : 's'} (${children.map((c) => `"${c.name}"`).join(', ')}). ` +
          'Move them first, or delete it with childrenTo set to their new parent (or null for the top level).',
      );
    }
    if (childrenTo) {
      requireEntry(codebook.issues, childrenTo, 'issue');
      if (isWithin(codebook.issues, childrenTo, id)) {
        throw new UserError(
          'invalid-request',
          `The sub-issues cannot move under "${childrenTo}": it is the issue being deleted or inside it. Pick an issue outside it.`,
        );
      }
    }
    if (reassignTo) {
      assertDistinct(id, reassignTo, 'issue');
      requireEntry(codebook.issues, reassignTo, 'issue');
    }
    const claims = await collectClaimChanges(ctx, (claim) => (claim.issueId === id ? { ...claim, issueId: reassignTo ?? null } : claim));
    if (reassignTo === undefined) assertUnused(claims.length, 'issue', issue.name);
    for (const child of children) child.parentId = childrenTo ?? null;
    codebook.issues = codebook.issues.filter((i) => i.id !== id);
    assertIssueTree(codebook.issues);
    return { codebook, claims, result: changeResult(codebook, claims) };
  });
}
