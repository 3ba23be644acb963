import { useState, type RefObject } from 'react';
import type { ArticleWithClaims } from '../../../../shared/api';
import type { Orphan } from '../../../../shared/api/contract-annotate';
import { api } from '../../api/client';
import { plural } from '../../components/plural';
import { useStatus } from '../../components/status-context';
import type { CodebookLookup } from '../claims/codebook-lookup';
import { OrphanCard } from './OrphanCard';
import { reviewStore, useReviewState } from './review-store';
import { selectInReader } from './select-range';
import { useOrphans } from './use-orphans';
import './orphans.css';

interface AnchorReviewProps {
  data: ArticleWithClaims;
  lookup: CodebookLookup;
  bodyRef: RefObject<HTMLDivElement | null>;
}

/**
 * Over the article, after an edit of its text: how many claims were found again (relocated)
 * and how many were lost (orphaned), and the review that settles each lost one.
 */
export function AnchorReview({ data, lookup, bodyRef }: AnchorReviewProps) {
  const status = useStatus();
  const review = useReviewState();
  const articleId = data.article.id;
  const orphaned = data.claims.filter((c) => c.anchor.status === 'orphaned').length;
  const relocated = data.claims.filter((c) => c.anchor.status === 'relocated').length;
  const open = review.openFor === articleId && orphaned > 0;
  const orphans = useOrphans(articleId, open);
  const [busyId, setBusyId] = useState<string | null>(null);

  if (orphaned === 0 && (relocated === 0 || review.dismissed.has(articleId))) return null;

  const settle = async (orphan: Orphan, action: 'accept' | 'delete') => {
    if (busyId) return;
    setBusyId(orphan.claim.id);
    try {
      await api.resolveOrphan({ articleId, claimId: orphan.claim.id, action });
      status.announce(action === 'accept' ? 'Claim placed on the closest passage.' : 'Orphaned claim deleted. Ctrl+Z brings it back.');
      // Keep the keyboard in the review: on the next orphan, or the banner once none is left.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.orphan-card button, .anchor-banner button')?.focus());
    } catch (error) {
      status.reportError(error, 'The orphaned claim could not be settled');
    } finally {
      setBusyId(null);
    }
  };

  const reselect = (orphan: Orphan) => {
    reviewStore.startReselect({ articleId, claimId: orphan.claim.id, exact: orphan.previous.exact });
    const body = bodyRef.current;
    if (!body) return;
    body.focus({ preventScroll: true });
    // Start from the closest passage, if any: often only its ends need adjusting.
    if (orphan.bestCandidate) selectInReader(body, orphan.bestCandidate.start, orphan.bestCandidate.end);
  };

  return (
    <section className={`anchor-review${orphaned > 0 ? ' anchor-review--orphans' : ''}`} aria-label="Claims after the text edit" data-testid="anchor-review">
      <div className="anchor-banner" data-testid="anchor-banner">
        <span className="anchor-banner__icon" aria-hidden="true">{orphaned > 0 ? '!' : 'i'}</span>
        <p className="anchor-banner__text">
          {orphaned > 0 && <strong>{plural(orphaned, 'claim lost its place', 'claims lost their place')} when the text was edited. </strong>}
          {relocated > 0 && `${plural(relocated, 'claim was', 'claims were')} found again nearby; ${relocated === 1 ? 'its card shows' : 'their cards show'} how closely.`}
        </p>
        {orphaned > 0 ? (
          <button type="button" className="button button--small" aria-expanded={open} onClick={() => (open ? reviewStore.close() : reviewStore.open(articleId))}>
            {open ? 'Hide review' : `Review ${plural(orphaned, 'orphan', 'orphans')}`}
          </button>
        ) : (
          <button type="button" className="button button--small button--quiet" onClick={() => reviewStore.dismiss(articleId)}>
            Dismiss
          </button>
        )}
      </div>
      {open && (
        <div className="orphan-list" data-testid="orphan-review">
          {orphans.isLoading && <p className="muted">Looking for the closest passages…</p>}
          {orphans.error && <p className="form-error">The orphans could not be listed: {orphans.error.message}</p>}
          {orphans.data?.map((orphan) => (
            <OrphanCard
              key={orphan.claim.id}
              orphan={orphan}
              lookup={lookup}
              busy={busyId === orphan.claim.id}
              onAccept={() => void settle(orphan, 'accept')}
              onDelete={() => void settle(orphan, 'delete')}
              onReselect={() => reselect(orphan)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
