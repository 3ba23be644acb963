import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { ArticleWithClaims } from '../../../../shared/api';
import type { AnchorReviewItem } from '../../../../shared/api/contract-annotate';
import { anchorState } from '../../../../shared/model';
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
 * Over the article, after an edit of its text: how many claims were found again (relocated),
 * how many were placed on doubtful evidence (needs review) and how many were lost (orphaned),
 * and the review that settles each doubtful or lost one: confirm, accept, re-select or delete.
 * Keyboard: Tab through each card's buttons; after an action the focus moves to the next card;
 * Arrow Up/Down move between cards.
 */
export function AnchorReview({ data, lookup, bodyRef }: AnchorReviewProps) {
  const status = useStatus();
  const review = useReviewState();
  const articleId = data.article.id;
  const orphaned = data.claims.filter((c) => c.anchor.status === 'orphaned').length;
  const needsReview = data.claims.filter((c) => anchorState(c.anchor) === 'needs-review').length;
  const relocated = data.claims.filter((c) => c.anchor.status === 'relocated' && !c.anchor.review).length;
  const toReview = orphaned + needsReview;
  const open = review.openFor === articleId && toReview > 0;
  const orphans = useOrphans(articleId, open);
  const [busyId, setBusyId] = useState<string | null>(null);

  if (toReview === 0 && (relocated === 0 || review.dismissed.has(articleId))) return null;

  const settle = async (orphan: AnchorReviewItem, action: 'accept' | 'delete' | 'confirm') => {
    if (busyId) return;
    setBusyId(orphan.claim.id);
    try {
      if (action === 'confirm') await api.confirmPlacement({ articleId, claimId: orphan.claim.id });
      else await api.resolveOrphan({ articleId, claimId: orphan.claim.id, action });
      status.announce(
        action === 'confirm'
          ? 'Placement confirmed.'
          : action === 'accept'
            ? 'Claim placed on the closest passage.'
            : `${orphan.state === 'orphaned' ? 'Orphaned claim' : 'Claim'} deleted. Ctrl+Z brings it back.`,
      );
      // Keep the keyboard in the review: on the next orphan, or the banner once none is left.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.orphan-card button, .anchor-banner button')?.focus());
    } catch (error) {
      status.reportError(error, 'The orphaned claim could not be settled');
    } finally {
      setBusyId(null);
    }
  };

  const reselect = (orphan: AnchorReviewItem) => {
    reviewStore.startReselect({ articleId, claimId: orphan.claim.id, exact: orphan.previous.exact });
    const body = bodyRef.current;
    if (!body) return;
    body.focus({ preventScroll: true });
    // Start from the closest passage, if any: often only its ends need adjusting.
    const start = orphan.placed ?? orphan.bestCandidate;
    if (start) selectInReader(body, start.start, start.end);
  };

  // Arrow keys move between the cards' first buttons, so a long review is quick by keyboard.
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('.orphan-card')];
    const current = cards.findIndex((card) => card.contains(document.activeElement));
    if (current === -1) return;
    const next = cards[current + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.querySelector<HTMLElement>('button')?.focus();
  };

  const summary = [
    orphaned > 0 ? `${plural(orphaned, 'claim lost its place', 'claims lost their place')}` : null,
    needsReview > 0
      ? `${plural(needsReview, 'claim was', 'claims were')} placed on doubtful evidence and need${needsReview === 1 ? 's' : ''} review`
      : null,
  ].filter(Boolean);

  return (
    <section
      className={`anchor-review${orphaned > 0 ? ' anchor-review--orphans' : needsReview > 0 ? ' anchor-review--needs-review' : ''}`}
      aria-label="Claims after the text edit"
      data-testid="anchor-review"
    >
      <div className="anchor-banner" data-testid="anchor-banner">
        <span className="anchor-banner__icon" aria-hidden="true">
          {toReview > 0 ? '!' : 'i'}
        </span>
        <p className="anchor-banner__text">
          {summary.length > 0 && <strong>{summary.join('; ')} when the text was edited. </strong>}
          {relocated > 0 &&
            `${plural(relocated, 'claim was', 'claims were')} found again nearby; ${relocated === 1 ? 'its card shows' : 'their cards show'} how closely.`}
        </p>
        {toReview > 0 ? (
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            onClick={() => (open ? reviewStore.close() : reviewStore.open(articleId))}
            data-testid="anchor-review-toggle"
          >
            {open ? 'Hide review' : `Review ${plural(toReview, 'claim', 'claims')}`}
          </button>
        ) : (
          <button type="button" className="button button--small button--quiet" onClick={() => reviewStore.dismiss(articleId)}>
            Dismiss
          </button>
        )}
      </div>
      {open && (
        <div className="orphan-list" data-testid="orphan-review" onKeyDown={onListKeyDown}>
          {orphans.isLoading && <p className="muted">Looking for the closest passages…</p>}
          {orphans.error && <p className="form-error">The claims to review could not be listed: {orphans.error.message}</p>}
          {orphans.data?.map((orphan) => (
            <OrphanCard
              key={orphan.claim.id}
              orphan={orphan}
              lookup={lookup}
              busy={busyId === orphan.claim.id}
              onAccept={() => void settle(orphan, 'accept')}
              onConfirm={() => void settle(orphan, 'confirm')}
              onDelete={() => void settle(orphan, 'delete')}
              onReselect={() => reselect(orphan)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
