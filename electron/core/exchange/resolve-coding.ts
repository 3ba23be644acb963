import type { ClaimCoding, Codebook } from '../../../shared/model';

/** Names an import gave, to be turned into codebook ids. */
export interface NamedCoding {
  actors: string[];
  issue: string | null;
  stance: string | null;
  proposition: string;
}

/** What resolving added to the codebook, by name. */
export interface CodebookAdditions {
  actors: string[];
  issues: string[];
  stances: string[];
}

const same = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** Colour for actors and stances an import brings in: neutral grey until the analyst picks one. */
const IMPORTED_COLOUR = '#777777';

/**
 * Resolves names to codebook entries in place, adding those the codebook lacks. Actors match
 * by name or alias, issues by name, stances by label, all ignoring case; a proposition new to
 * its issue is added to the issue's list. Mutates `codebook` (the caller saves it once) and
 * records additions in `added`.
 */
export function resolveCoding(
  codebook: Codebook,
  names: NamedCoding,
  newId: (prefix: string) => string,
  added: CodebookAdditions,
): Pick<ClaimCoding, 'actorIds' | 'issueId' | 'stanceId' | 'proposition'> {
  const actorIds: string[] = [];
  for (const name of names.actors) {
    let actor = codebook.actors.find((a) => same(a.name, name) || a.aliases.some((alias) => same(alias, name)));
    if (!actor) {
      actor = { id: newId('actor'), name: name.slice(0, 200), aliases: [], color: IMPORTED_COLOUR };
      codebook.actors.push(actor);
      added.actors.push(actor.name);
    }
    if (!actorIds.includes(actor.id)) actorIds.push(actor.id);
  }

  let issueId: string | null = null;
  if (names.issue) {
    const name = names.issue;
    let issue = codebook.issues.find((i) => same(i.name, name));
    if (!issue) {
      issue = { id: newId('issue'), name: name.slice(0, 200), parentId: null, propositions: [] };
      codebook.issues.push(issue);
      added.issues.push(issue.name);
    }
    const proposition = names.proposition.trim();
    if (proposition && !issue.propositions.some((p) => same(p, proposition))) issue.propositions.push(proposition.slice(0, 1000));
    issueId = issue.id;
  }

  let stanceId: string | null = null;
  if (names.stance) {
    const label = names.stance;
    let stance = codebook.stances.find((s) => same(s.label, label));
    if (!stance) {
      // An unknown stance has no place on the scale yet; it sits at the middle until placed.
      stance = { id: newId('stance'), label: label.slice(0, 100), value: 0, color: IMPORTED_COLOUR };
      codebook.stances.push(stance);
      added.stances.push(stance.label);
    }
    stanceId = stance.id;
  }
  return { actorIds, issueId, stanceId, proposition: names.proposition.trim() };
}
