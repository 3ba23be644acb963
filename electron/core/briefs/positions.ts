import type { Article, Claim, Codebook, Stance } from '../../../shared/model';
import { PropositionPositions, propositionKey } from '../positions/position-rules';

/** One actor's position on a proposition: its latest stance in these claims. */
export interface ActorStance {
  actor: string;
  stance: Stance;
}

/** Actors meeting on one proposition: opposite-sign positions clash, same-sign positions agree. */
export interface PositionRelation {
  kind: 'clash' | 'agree';
  proposition: string;
  issue: string | null;
  /** Every actor's position on the proposition, most supportive first. */
  sides: ActorStance[];
}

/** When an article's positions were stated: its date, else the day it was added. */
const whenOf = (article: Pick<Article, 'publishedAt' | 'createdAt' | 'id'>) =>
  `${article.publishedAt?.slice(0, 10) ?? article.createdAt.slice(0, 10)}|${article.id}`;

/**
 * Where actors agree and clash across the given claims, by the positions map's own rules
 * (`positions/position-rules.ts`): claims in time order (articles by date, claims in the order
 * of the text), an actor's position on a proposition is its latest stance there, and a
 * proposition with actors on both sides of neutral is a clash. Claims without a proposition, a
 * stance or an actor take no part. Clashes first, then agreements, each in the order their
 * propositions first appear.
 */
export function comparePositions(claims: Claim[], codebook: Codebook, articles: Article[]): PositionRelation[] {
  const actorName = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const stanceById = new Map(codebook.stances.map((s) => [s.id, s]));
  const issueName = new Map(codebook.issues.map((i) => [i.id, i.name]));
  const when = new Map(articles.map((a) => [a.id, whenOf(a)]));
  const ordered = [...claims].sort((a, b) => {
    const wa = when.get(a.articleId) ?? '';
    const wb = when.get(b.articleId) ?? '';
    return wa < wb
      ? -1
      : wa > wb
        ? 1
        : a.target.position.start - b.target.position.start || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
  });
  const positions = new PropositionPositions<string>();
  for (const claim of ordered) {
    const stance = claim.stanceId ? stanceById.get(claim.stanceId) : undefined;
    const key = propositionKey(claim.proposition);
    if (!stance || !key) continue;
    const issueId = claim.issueId ?? null;
    for (const actorId of new Set(claim.actorIds)) {
      positions.note(`${issueId ?? ''}\u0000${key}`, issueId, claim.proposition.trim(), actorId, stance.id, stance.value);
    }
  }
  return positions.relations().map((relation) => ({
    kind: relation.kind,
    proposition: relation.proposition,
    issue: relation.issueId ? (issueName.get(relation.issueId) ?? null) : null,
    sides: [...relation.supporters, ...relation.neutral, ...relation.opponents]
      .map((p) => ({ actor: actorName.get(p.actorId) ?? p.actorId, stance: stanceById.get(p.stanceId)! }))
      .sort((a, b) => b.stance.value - a.stance.value || a.actor.localeCompare(b.actor)),
  }));
}
