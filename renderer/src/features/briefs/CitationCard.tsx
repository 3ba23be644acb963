import type { CSSProperties } from 'react';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type { FoundCitation } from '../../../../shared/api/contract-briefs';
import { formatDate } from '../../components/format-date';
import { errorText } from '../../components/status-context';
import { useCitation } from './brief-queries';

const NEUTRAL = '#8a8a8a';

/** The anchor warning, when the claim's words are no longer where they were marked. */
function AnchorNote({ citation }: { citation: FoundCitation }) {
  if (citation.anchor.status === 'orphaned') {
    return (
      <p className="brief-citation__flag brief-citation__flag--orphaned" data-testid="citation-orphaned">
        Orphaned: the article’s text changed and this quote is no longer found in it. Review the claim before relying on it.
      </p>
    );
  }
  if (citation.anchor.review) {
    return (
      <p className="brief-citation__flag brief-citation__flag--unconfirmed" data-testid="citation-needs-review">
        Needs review: the article’s text changed and this quote was placed again on doubtful evidence. Confirm it in the article before relying on it.
      </p>
    );
  }
  if (citation.anchor.status === 'relocated') {
    return <p className="brief-citation__flag">Relocated: the article’s text changed; the quote was found again nearby.</p>;
  }
  return null;
}

function sourceLine(c: FoundCitation): string {
  return [c.article.title, c.article.source, c.article.publishedAt ? formatDate(c.article.publishedAt) : null].filter(Boolean).join(' · ');
}

function describe(c: FoundCitation): string {
  const actors = c.actors.map((a) => a.name).join(' and ') || 'No actor';
  return `Citation: ${actors} ${c.stance?.label ?? 'no stance'}${c.proposition ? ` on ${c.proposition}` : ''}`;
}

/** What a found claim shows: stance, actors, issue, the quote, who said it, the source. */
function FoundCard({ c }: { c: FoundCitation }) {
  const colour = c.stance?.color ?? NEUTRAL;
  return (
    <>
      <div className="brief-citation__coding">
        <span className="brief-citation__stance" data-testid="citation-stance" style={{ '--stance': colour } as CSSProperties}>
          <span className="stance-dot" aria-hidden="true" />
          {c.stance?.label ?? 'No stance'}
        </span>
        {c.actors.map((a) => (
          <span key={a.id} className="brief-citation__actor" style={{ '--actor': a.color ?? '#777' } as CSSProperties}>
            {a.name}
          </span>
        ))}
        {c.issue && <span className="brief-citation__issue">{c.issue.path}</span>}
      </div>
      {c.proposition && <p className="brief-citation__proposition">{c.proposition}</p>}
      <blockquote className="brief-citation__quote">“{c.quote}”</blockquote>
      <p className="brief-citation__source">
        {c.speaker && <span>— {c.speaker}, </span>}
        {c.article.url && /^https?:\/\//i.test(c.article.url) ? (
          <a href={c.article.url} target="_blank" rel="noreferrer noopener">
            {sourceLine(c)}
          </a>
        ) : (
          sourceLine(c)
        )}
      </p>
      {c.note && (
        <p className="brief-citation__note" data-testid="citation-note">
          <span className="visually-hidden">Note: </span>
          {c.note}
        </p>
      )}
      <AnchorNote citation={c} />
    </>
  );
}

/**
 * The editor's view of a claim citation. It reads the claim live through the query cache, so a
 * change in the reader shows here at once; a deleted claim stays in the brief, clearly marked,
 * with the words it had, until the analyst removes it or restores the claim.
 */
export function CitationCard({ node, selected }: ReactNodeViewProps) {
  const claimId = String(node.attrs.claimId ?? '');
  const articleId = (node.attrs.articleId as string | null) ?? null;
  const quote = (node.attrs.quote as string | null) ?? null;
  const { data, error, isPending } = useCitation(claimId, articleId);
  const state = data?.state ?? (error ? 'error' : 'loading');
  const orphaned = data?.state === 'found' && data.anchor.status === 'orphaned';
  return (
    <NodeViewWrapper
      as="figure"
      className={`brief-citation brief-citation--${state}${orphaned ? ' brief-citation--orphaned' : ''}${selected ? ' brief-citation--selected' : ''}`}
      style={{ '--stance': data?.state === 'found' ? (data.stance?.color ?? NEUTRAL) : NEUTRAL } as CSSProperties}
      data-testid="brief-citation"
      data-claim-id={claimId}
      data-state={state}
      role="group"
      aria-label={data?.state === 'found' ? describe(data) : data?.state === 'missing' ? 'Citation of a deleted claim' : 'Citation'}
      contentEditable={false}
      data-drag-handle=""
    >
      {data?.state === 'found' && <FoundCard c={data} />}
      {data?.state === 'missing' && (
        <>
          <p className="brief-citation__flag brief-citation__flag--missing" data-testid="citation-missing">
            <strong>Claim deleted.</strong> {data.reason}
          </p>
          {quote && <blockquote className="brief-citation__quote brief-citation__quote--gone">“{quote}”</blockquote>}
        </>
      )}
      {isPending && <p className="brief-citation__loading">{quote ? `“${quote}”` : 'Reading the claim…'}</p>}
      {error && !data && <p className="brief-citation__flag brief-citation__flag--missing">This citation could not be read: {errorText(error)}</p>}
    </NodeViewWrapper>
  );
}
