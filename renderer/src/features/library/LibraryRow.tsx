import type { ArticleSummary } from '../../../../shared/model';
import { formatDate } from '../../components/format-date';

interface LibraryRowProps {
  article: ArticleSummary;
  open: boolean;
  onOpen(id: string): void;
  onEditLabels(article: ArticleSummary): void;
}

/** One article in the library list: title, date and source, labels, claim count. */
export function LibraryRow({ article, open, onOpen, onEditLabels }: LibraryRowProps) {
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
      <button type="button" className="library-row__labels-button" aria-label={`Tags and collections of “${article.title}”`} title="Tags and collections" onClick={() => onEditLabels(article)}>
        #
      </button>
    </div>
  );
}
