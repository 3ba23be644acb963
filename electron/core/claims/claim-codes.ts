import { UserError, type NewCodes } from '../../../shared/api';
import type { Claim, ClaimCoding, Codebook } from '../../../shared/model';
import type { CoreContext } from '../context';
import { requireEntry, sameName } from '../codebook/codebook-step';

/** Which of the claim's fields the action set: only those may add to the codebook. */
export type CodedFields = ReadonlySet<keyof ClaimCoding> | 'all';

/** A claim with its codes in the codebook, and the codebook entries that were created for it. */
export interface CodedClaim {
  claim: Claim;
  codebook: Codebook;
  /** What was added, in the analyst's words ('actor "Philippines"'), for the undo label. */
  created: string[];
}

function touches(fields: CodedFields, field: keyof ClaimCoding): boolean {
  return fields === 'all' || fields.has(field);
}

/**
 * Puts the codes a claim was coded with into the codebook (a private copy, changed in place and
 * returned): the actors and issue named in `newCodes` (a name the codebook already has is reused,
 * so typing "Beijing" codes China), the claim's proposition among its issue's known propositions,
 * and its tags among the codebook's tags. Wording that matches an existing entry in another case
 * takes the entry's wording, so positions and filters group it with the rest. Writes nothing;
 * throws a UserError (naming the entry) if a new issue's parent is not in the codebook.
 */
export function addClaimCodes(
  ctx: Pick<CoreContext, 'newId'>,
  codebook: Codebook,
  claim: Claim,
  newCodes: NewCodes | undefined,
  fields: CodedFields,
): CodedClaim {
  const created: string[] = [];
  const coded: Claim = { ...claim };

  for (const raw of newCodes?.actors ?? []) {
    const name = raw.trim();
    let actor = codebook.actors.find((a) => sameName(a.name, name) || a.aliases.some((al) => sameName(al, name)));
    if (!actor) {
      actor = { id: ctx.newId('actor'), name, aliases: [], color: null };
      codebook.actors.push(actor);
      created.push(`actor “${name}”`);
    }
    if (!coded.actorIds.includes(actor.id)) coded.actorIds = [...coded.actorIds, actor.id];
  }

  if (newCodes?.issue) {
    const name = newCodes.issue.name.trim();
    const parentId = newCodes.issue.parentId;
    let issue = codebook.issues.find((i) => sameName(i.name, name));
    if (!issue) {
      if (parentId !== null) requireEntry(codebook.issues, parentId, 'issue');
      issue = { id: ctx.newId('issue'), name, parentId, propositions: [] };
      codebook.issues.push(issue);
      created.push(`issue “${name}”`);
    }
    coded.issueId = issue.id;
  }

  const issue = coded.issueId ? codebook.issues.find((i) => i.id === coded.issueId) : undefined;
  if (issue && coded.proposition && (touches(fields, 'proposition') || touches(fields, 'issueId') || newCodes?.issue)) {
    const known = issue.propositions.find((p) => sameName(p, coded.proposition));
    if (known) coded.proposition = known;
    else {
      if (issue.propositions.length >= 1000) {
        throw new UserError(
          'invalid-request',
          `The issue "${issue.name}" already has 1000 propositions; pick one of them or tidy the list in the codebook.`,
        );
      }
      issue.propositions = [...issue.propositions, coded.proposition];
      created.push(`proposition “${coded.proposition}”`);
    }
  }

  if (touches(fields, 'tags')) {
    coded.tags = coded.tags.map((name) => {
      const known = codebook.tags.find((t) => sameName(t.name, name));
      if (known) return known.name;
      codebook.tags.push({ id: ctx.newId('tag'), name, color: null });
      created.push(`tag “${name}”`);
      return name;
    });
    coded.tags = coded.tags.filter((t, i) => coded.tags.findIndex((o) => sameName(o, t)) === i);
  }

  return { claim: coded, codebook, created };
}

/** "Create claim", or "Create claim with actor “X”, tag “Y”" when codes were made with it. */
export function stepLabel(base: string, created: readonly string[]): string {
  return created.length ? `${base} with ${created.join(', ')}` : base;
}
