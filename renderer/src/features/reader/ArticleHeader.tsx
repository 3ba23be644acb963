import type { ReactNode } from 'react';
import type { Article } from '../../../../shared/model';
import { formatDate } from '../../components/format-date';
import { ArticleExportMenu } from '../export/ArticleExportMenu';
import { ArticleTextActions } from '../revisions/ArticleTextActions';
import { ArticleImportDetails } from './ArticleImportDetails';
import { shownStandfirst } from './standfirst';

interface ArticleHeaderProps {
  article: Article;
  claimCount: number;
  onEditDetails(): void;
  onClaimSelection(): void;
  /** Shown under the actions, in the bar that stays visible while scrolling (the stance legend). */
  legend?: ReactNode;
}

/** Title, bibliographic line, standfirst and the article's actions. */
export function ArticleHeader({ article, claimCount, onEditDetails, onClaimSelection, legend }: ArticleHeaderProps) {
  const facts = [
    article.publishedAt ? (
      <time key="date" dateTime={article.publishedAt}>
        {formatDate(article.publishedAt)}
      </time>
    ) : null,
    article.source ? <span key="source">{article.source}</span> : null,
    article.author ? <span key="author">{article.author}</span> : null,
  ].filter(Boolean);
  // The bar sits outside the header, as a child of the whole article: a sticky element sticks
  // only within its parent, and inside the header it scrolled away with the title.
  return (
    <>
      <div className="article-bar">
        <div className="article-toolbar" role="toolbar" aria-label="Article actions">
          <button type="button" className="button button--primary button--small" onClick={onClaimSelection} aria-keyshortcuts="c">
            Claim selection <kbd>C</kbd>
          </button>
          <button type="button" className="button button--small" onClick={onEditDetails}>
            Edit details
          </button>
          <ArticleTextActions article={article} />
          <span className="toolbar-spacer" />
          <ArticleExportMenu articleId={article.id} />
        </div>
        {legend}
      </div>
      <header className="article-header">
        <h1 id="article-title" className="article-title">
          {article.title}
        </h1>
        <p className="article-facts" data-testid="article-facts">
          {facts.length > 0 ? (
            facts.flatMap((f, i) =>
              i === 0
                ? [f]
                : [
                    <span key={`sep${i}`} aria-hidden="true">
                      {' '}
                      ·{' '}
                    </span>,
                    f,
                  ],
            )
          ) : (
            <span>No date or source yet</span>
          )}
          <span aria-hidden="true"> · </span>
          <span>{claimCount === 1 ? '1 claim' : `${claimCount} claims`}</span>
        </p>
        {article.url && (
          <p className="article-url">
            <span className="visually-hidden">Address: </span>
            {article.url}
          </p>
        )}
        {shownStandfirst(article) && <p className="article-standfirst">{shownStandfirst(article)}</p>}
        <ArticleImportDetails article={article} />
      </header>
    </>
  );
}
