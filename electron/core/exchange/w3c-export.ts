import type { Article, Claim, Codebook } from '../../../shared/model';
import { toCodePointOffset } from './code-points';
import type { ArticleClaims } from './gather';
import { articleSourceIri } from './stable-ids';
import { ANNO_CONTEXT, annotationIdOf, codingBodyId, type CodingRole } from './w3c-vocabulary';

/** A W3C Web Annotation as plain JSON. */
export type W3cAnnotation = Record<string, unknown>;

type Body = Record<string, unknown>;

function textualBody(value: string, purpose: string, format?: string): Body {
  return { type: 'TextualBody', value, purpose, ...(format ? { format } : {}) };
}

/**
 * A coding body: a SpecificResource with the purpose, whose source is the codebook concept
 * (an IRI with the name as its label). The purpose sits on the SpecificResource because the
 * model (3.3.5) forbids it on an identified resource itself.
 */
function codingBody(role: CodingRole, key: string, label: string, purpose: string): Body {
  return { type: 'SpecificResource', purpose, source: { id: codingBodyId(role, key), label } };
}

function codingBodies(claim: Claim, codebook: Codebook): Body[] {
  const bodies: Body[] = [];
  for (const actorId of claim.actorIds) {
    const actor = codebook.actors.find((a) => a.id === actorId);
    bodies.push(codingBody('actor', actorId, actor?.name ?? actorId, 'classifying'));
  }
  if (claim.issueId) {
    const issue = codebook.issues.find((i) => i.id === claim.issueId);
    bodies.push(codingBody('issue', claim.issueId, issue?.name ?? claim.issueId, 'classifying'));
  }
  if (claim.proposition) bodies.push(codingBody('proposition', claim.proposition, claim.proposition, 'describing'));
  if (claim.stanceId) {
    const stance = codebook.stances.find((s) => s.id === claim.stanceId);
    bodies.push(codingBody('stance', claim.stanceId, stance?.label ?? claim.stanceId, 'assessing'));
  }
  if (claim.speaker) bodies.push(codingBody('speaker', claim.speaker, claim.speaker, 'identifying'));
  return bodies;
}

/** The single motivation that best says why the claim was made. */
function motivationOf(claim: Claim): string {
  if (claim.actorIds.length || claim.issueId || claim.stanceId) return 'classifying';
  if (claim.note.trim()) return 'commenting';
  if (claim.tags.length) return 'tagging';
  return 'highlighting';
}

/**
 * One claim as a W3C Web Annotation. The target names the article (its URL, else a
 * Stancebook URN) with a TextQuoteSelector and a TextPositionSelector; positions are counted
 * in Unicode code points, as the model requires, not in JavaScript string units.
 * The quote is taken from the claim's selector, so an orphaned claim still exports its words.
 */
export function claimToAnnotation(article: Article, claim: Claim, codebook: Codebook): W3cAnnotation {
  const body: Body[] = [...codingBodies(claim, codebook)];
  for (const tag of claim.tags) body.push(textualBody(tag, 'tagging'));
  if (claim.note.trim()) body.push(textualBody(claim.note, 'commenting', 'text/markdown'));
  const { quote, position } = claim.target;
  const selectors: Body[] = [{ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }];
  // A position only means something over the text it was recorded in; an orphan's is stale.
  if (claim.anchor.status !== 'orphaned') {
    selectors.push({
      type: 'TextPositionSelector',
      start: toCodePointOffset(article.text, position.start),
      end: toCodePointOffset(article.text, position.end),
    });
  }
  return {
    '@context': ANNO_CONTEXT,
    id: annotationIdOf(claim.id),
    type: 'Annotation',
    motivation: motivationOf(claim),
    created: claim.createdAt,
    modified: claim.updatedAt,
    ...(body.length ? { body } : {}),
    target: { source: articleSourceIri(article), selector: selectors },
  };
}

/**
 * Claims as one AnnotationCollection with a single embedded page. Each item also carries the
 * @context, so any item copied out of the file is a complete annotation by itself.
 */
export function buildAnnotationCollection(articles: ArticleClaims[], codebook: Codebook, options: { id: string; label: string }): W3cAnnotation {
  const items = articles.flatMap(({ article, claims }) => claims.map((claim) => claimToAnnotation(article, claim, codebook)));
  return {
    '@context': ANNO_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    total: items.length,
    first: { id: `${options.id}:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
