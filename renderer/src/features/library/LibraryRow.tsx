import type { ArticleSummary } from '../../../../shared/model';
import { formatDate } from '../../components/format-date';

interface LibraryRowProps {
  article: ArticleSummary;
  open: boolean;
  onOpen(id: string): void;
  onEditLabels(article: ArticleSummary): void;
  /** Asks to delete the article (with its claims); absent where deleting is not offered. */
  onDelete?(article: ArticleSummary): void;
}

/** One article in the library list: title, date and source, labels, claim count. */
export function LibraryRow({ article, open, onOpen, onEditLabels, onDelete }: LibraryRowProps) {
  const labels = [...article.collections, ...article.tags];
  return (
    <div className="library-row-wrap">
      <button
        type="button"
        className={`library-row${open ? ' library-row--open' : ''}`}
        aria-current={open ? 'page' : undefined}
        data-testid="library-row"
        onClick={() => onOpen(article.id)}
      >
        <span className="library-row__title">{article.title}</span>
        <span className="library-row__meta">
          {[formatDate(article.publishedAt, 'short'), article.source].filter(Boolean).join(' · ') || 'No date or source'}
        </span>
        {labels.length > 0 && <span className="library-row__labels">{labels.join(' · ')}</span>}
        <span className="library-row__count">
          <span aria-hidden="true">{article.claimCount}</span>
          <span className="visually-hidden">, {article.claimCount === 1 ? '1 claim' : `${article.claimCount} claims`}</span>
        </span>
      </button>
      <button
        type="button"
        className="library-row__labels-button"
        aria-label={`Tags and collections of “${article.title}”`}
        title="Tags and collections"
        onClick={() => onEditLabels(article)}
      >
        #
      </button>
      {onDelete && (
        <button
          type="button"
          className="library-row__delete-button"
          aria-label={`Delete “${article.title}”…`}
          aria-keyshortcuts="Delete"
          title="Delete the article and its claims (asks first)"
          onClick={() => onDelete(article)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d="M6 2h4l.5 1H13v1.5H3V3h2.5L6 2zm-2 3.5h8l-.6 8.5H4.6L4 5.5z" fill="currentColor" />
          </svg>
        </button>
      )}
    </div>
  );
}
