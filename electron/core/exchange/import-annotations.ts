import type { AnnotationImportReport } from '../../../shared/api/contract-exchange';
import { UserError } from '../../../shared/api/errors';
import { describeRange } from '../../../shared/anchoring';
import type { Claim, Codebook } from '../../../shared/model';
import { isoNow, type CoreContext } from '../context';
import { ArticleFinder } from './article-finder';
import { resolveCoding, type CodebookAdditions } from './resolve-coding';
import { collectAnnotations, isUsable, parseAnnotation, type IncomingAnnotation } from './w3c-parse';
import { stampClaim } from '../coders/claim-audit';
import { getCoder } from '../coders/coder-settings';

/** Reads a file's bytes as JSON, refusing anything else with a message naming the file. */
export function parseJsonFile(bytes: Uint8Array, name: string): unknown {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError('import-failed', `${name} is not a JSON file (${error instanceof Error ? error.message : String(error)}).`);
  }
}

const validDate = (value: string | null): string | null => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null);

function sameClaim(a: Claim, b: Claim): boolean {
  return (
    a.target.position.start === b.target.position.start &&
    a.target.position.end === b.target.position.end &&
    a.issueId === b.issueId &&
    a.stanceId === b.stanceId &&
    a.proposition === b.proposition &&
    a.actorIds.join('\u0000') === b.actorIds.join('\u0000')
  );
}

/**
 * Imports W3C Web Annotations (ours or another tool's) as claims. Each annotation is placed on
 * the article its target names, else on the article holding its quote, and re-anchored there;
 * its actor, issue and stance are matched to the codebook by name, adding what is missing.
 * An annotation already in the notebook (same range, same coding) is skipped, so importing a
 * file twice adds nothing. The codebook is saved before any claim, so no claim ever points at
 * a missing entry; claims are written one durable write per article.
 *
 * @throws UserError('import-failed') when the file is not JSON or holds no annotations.
 */
export async function importAnnotations(ctx: CoreContext, bytes: Uint8Array, name: string): Promise<AnnotationImportReport> {
  const raw = collectAnnotations(parseJsonFile(bytes, name));
  if (raw.length === 0) {
    throw new UserError('import-failed', `${name} holds no W3C Web Annotations (expected an Annotation, a list of them or an AnnotationCollection).`);
  }
  const report: AnnotationImportReport = { imported: 0, notAnchored: [], skipped: [], addedToCodebook: { actors: [], issues: [], stances: [] } };
  const added: CodebookAdditions = report.addedToCodebook;
  const codebook: Codebook = structuredClone(ctx.store.getCodebook());
  const finder = new ArticleFinder(ctx.store);
  const claimsByArticle = new Map<string, { existing: Claim[]; fresh: Claim[] }>();
  const now = isoNow(ctx);

  for (const [index, item] of raw.entries()) {
    const parsed = parseAnnotation(item, index);
    if (!isUsable(parsed)) {
      report.skipped.push({ annotation: parsed.label, reason: parsed.reason });
      continue;
    }
    const quoteLabel = parsed.quote?.exact ?? `(text at ${parsed.position?.start ?? '?'}–${parsed.position?.end ?? '?'})`;
    const placed = await finder.place(parsed);
    if ('reason' in placed) {
      report.notAnchored.push({ quote: quoteLabel, reason: placed.reason });
      continue;
    }
    const { article, result } = placed;
    let slot = claimsByArticle.get(article.id);
    if (!slot) {
      slot = { existing: await ctx.store.getClaims(article.id), fresh: [] };
      claimsByArticle.set(article.id, slot);
    }
    const claim = toClaim(ctx, parsed, article.text, result, codebook, added, now);
    if (!claim) {
      report.notAnchored.push({ quote: quoteLabel, reason: 'the text it points at is empty or only spaces' });
      continue;
    }
    claim.articleId = article.id;
    if ([...slot.existing, ...slot.fresh].some((other) => sameClaim(other, claim))) {
      report.skipped.push({ annotation: parsed.label, reason: `already in the notebook, in "${article.title}"` });
      continue;
    }
    slot.fresh.push(claim);
    report.imported += 1;
  }

  if (codebookChanged(ctx.store.getCodebook(), codebook)) {
    await ctx.store.putCodebook(codebook);
    ctx.emit({ scope: 'codebook' });
  }
  // Imported claims are this copy's coder's, with a "created" entry in their history.
  const coder = await getCoder(ctx);
  for (const [articleId, { fresh }] of claimsByArticle) {
    if (!fresh.length) continue;
    await ctx.store.putClaims(
      articleId,
      fresh.map((claim) => stampClaim(null, claim, coder, now, 'Import annotations')),
    );
    ctx.emit({ scope: 'claims', articleId });
  }
  return report;
}

function codebookChanged(before: Codebook, after: Codebook): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

function toClaim(
  ctx: CoreContext,
  incoming: IncomingAnnotation,
  text: string,
  result: { status: 'exact' | 'relocated'; start: number; end: number; score: number },
  codebook: Codebook,
  added: CodebookAdditions,
  now: string,
): Claim | null {
  let target;
  try {
    target = describeRange(text, result.start, result.end);
  } catch {
    return null;
  }
  const coding = resolveCoding(codebook, incoming, ctx.newId, added);
  const created = validDate(incoming.created) ?? now;
  return {
    id: ctx.newId('clm'),
    articleId: '',
    target,
    // A relocated quote keeps its score so the analyst can review where it landed.
    anchor: result.status === 'exact' ? { status: 'exact', score: 1 } : { status: 'relocated', score: result.score },
    ...coding,
    actorIds: coding.actorIds.slice(0, 20),
    proposition: coding.proposition.slice(0, 1000),
    speaker: incoming.speaker?.slice(0, 300) ?? null,
    tags: incoming.tags.map((t) => t.slice(0, 100)).slice(0, 50),
    note: incoming.note.slice(0, 20000),
    createdAt: created,
    updatedAt: validDate(incoming.modified) ?? created,
  };
}
