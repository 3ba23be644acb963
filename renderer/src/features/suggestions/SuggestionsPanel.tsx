import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { StoredSuggestion } from '../../../../shared/api/contract-suggest';
import type { ClaimCoding } from '../../../../shared/model';
import { api } from '../../api/client';
import { plural } from '../../components/plural';
import { useStatus } from '../../components/status-context';
import { excerpt, type CodebookLookup } from '../claims/codebook-lookup';
import { keys } from '../../app/queries';
import { useArticleSuggestions } from './queries';
import { suggestionKeys } from './suggestion-cache';
import { useBackgroundSuggestions } from './suggestion-setting';
import { clearHighlight, drawHighlight, textRange } from './text-highlights';
import '../../styles/suggestions.css';

/** What "edit" hands to the claim editor: the span and the coding the suggestion proposes. */
export interface SuggestionEdit {
  articleId: string;
  start: number;
  end: number;
  coding: Partial<ClaimCoding>;
}

interface SuggestionsPanelProps {
  articleId: string;
  /** Changes whenever the reader redraws the text (claims added or removed): highlights follow. */
  drawnFor: unknown;
  bodyRef: RefObject<HTMLDivElement | null>;
  lookup: CodebookLookup;
  onEdit(edit: SuggestionEdit): void;
}

const KEY_HELP = 'J or ↓ next, K or ↑ previous, A accept, E edit, R reject';

/**
 * The article's claim suggestions, below the reader: each drawn in the text with a dashed
 * underline, stepped through with the keyboard (next, accept, edit, reject) and accepted in
 * bulk by speaker. Accepting makes a claim with speaker, actor and issue filled in (never the
 * stance), as one undo step.
 */
export function SuggestionsPanel({ articleId, drawnFor, bodyRef, lookup, onEdit }: SuggestionsPanelProps) {
  const status = useStatus();
  const client = useQueryClient();
  const query = useArticleSuggestions(articleId);
  const [open, setOpen] = useState(false);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [background, setBackground] = useBackgroundSuggestions();
  const panelRef = useRef<HTMLElement>(null);

  const suggestions = useMemo(() => query.data?.suggestions ?? [], [query.data]);
  const index = Math.max(
    0,
    suggestions.findIndex((s) => s.id === currentId),
  );
  const current: StoredSuggestion | undefined = suggestions[index];
  const sameSpeaker = current ? suggestions.filter((s) => s.speaker === current.speaker) : [];

  // Dashed underlines for every pending suggestion, a stronger mark for the current one.
  useEffect(() => {
    const root = bodyRef.current;
    drawHighlight(
      'suggestion',
      root,
      suggestions.map((s) => s.content),
    );
    drawHighlight('suggestion-current', open && current ? root : null, current ? [current.content] : []);
  }, [bodyRef, suggestions, current, open, drawnFor]);
  useEffect(
    () => () => {
      clearHighlight('suggestion');
      clearHighlight('suggestion-current');
    },
    [],
  );

  const show = (s: StoredSuggestion | undefined) => {
    if (!s) return;
    setCurrentId(s.id);
    const root = bodyRef.current;
    const range = root && textRange(root, s.content.start, s.content.end);
    const element = range?.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center' });
  };

  const afterChange = async (message: string, nextIndex: number) => {
    await Promise.all([
      client.invalidateQueries({ queryKey: suggestionKeys.article(articleId) }),
      client.invalidateQueries({ queryKey: keys.article(articleId) }),
      client.invalidateQueries({ queryKey: keys.articles }),
    ]);
    status.announce(message);
    const list = client.getQueryData<{ suggestions: StoredSuggestion[] }>(suggestionKeys.article(articleId))?.suggestions ?? [];
    show(list[Math.min(nextIndex, list.length - 1)]);
    panelRef.current?.focus();
  };

  const run = async (work: () => Promise<string>, nextIndex: number) => {
    if (busy) return;
    setBusy(true);
    try {
      const message = await work();
      await afterChange(message, nextIndex);
    } catch (error) {
      status.reportError(error, 'The suggestion could not be saved');
    } finally {
      setBusy(false);
    }
  };

  const accept = (list: StoredSuggestion[], newActor?: string) =>
    run(async () => {
      const { claims } = await api.acceptSuggestions({
        articleId,
        suggestionIds: list.map((s) => s.id),
        ...(newActor ? { newActor: { name: newActor } } : {}),
      });
      return `${plural(claims.length, 'claim')} made from suggestions${newActor ? `, with the new actor “${newActor}”` : ''}. Undo takes ${claims.length === 1 ? 'it' : 'them'} back.`;
    }, index);

  const reject = (s: StoredSuggestion) =>
    run(async () => {
      await api.rejectSuggestions({ articleId, suggestionIds: [s.id] });
      return 'Suggestion rejected; it will not be proposed again.';
    }, index);

  const edit = (s: StoredSuggestion) =>
    onEdit({ articleId, start: s.content.start, end: s.content.end, coding: { speaker: s.speaker, actorIds: s.actorIds, issueId: s.issueId } });

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !current) return;
    if ((event.target as HTMLElement).closest('input, select, textarea')) return;
    const key = event.key.toLowerCase();
    const actions: Record<string, () => void> = {
      j: () => show(suggestions[(index + 1) % suggestions.length]),
      arrowdown: () => show(suggestions[(index + 1) % suggestions.length]),
      k: () => show(suggestions[(index - 1 + suggestions.length) % suggestions.length]),
      arrowup: () => show(suggestions[(index - 1 + suggestions.length) % suggestions.length]),
      a: () => void accept([current]),
      e: () => edit(current),
      r: () => void reject(current),
    };
    const action = actions[key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  if (query.isLoading)
    return (
      <p className="suggestions-bar" aria-live="polite">
        Looking for attributed statements…
      </p>
    );
  if (query.error)
    return (
      <p className="suggestions-bar" role="alert">
        Suggestions could not be made: {query.error.message}
      </p>
    );
  const count = suggestions.length;
  const actorName = current?.actorIds[0] ? lookup.actor(current.actorIds[0])?.name : undefined;
  const issueName = current?.issueId ? lookup.issuePath(current.issueId) : undefined;

  return (
    <section
      ref={panelRef}
      className={`suggestions${open ? ' suggestions--open' : ''}`}
      aria-label="Suggested claims"
      tabIndex={open ? 0 : -1}
      onKeyDown={onKeyDown}
      aria-keyshortcuts={open ? 'J K A E R ArrowDown ArrowUp' : undefined}
      data-testid="suggestions"
    >
      <div className="suggestions__bar">
        <button
          type="button"
          className="button button--quiet button--small"
          aria-expanded={open}
          disabled={count === 0}
          onClick={() => {
            setOpen(!open);
            if (!open) {
              show(current);
              requestAnimationFrame(() => panelRef.current?.focus());
            }
          }}
        >
          {count === 0 ? 'No suggested claims' : open ? `Suggested claims (${count})` : `Review ${plural(count, 'suggested claim')}`}
        </button>
        <span className="suggestions__coder">
          suggester {query.data?.version}
          {query.data?.rejectedCount ? ` · ${query.data.rejectedCount} rejected` : ''}
        </span>
        <label className="suggestions__setting">
          <input type="checkbox" checked={background} onChange={(e) => setBackground(e.target.checked)} /> Suggest for new articles
        </label>
      </div>
      {open && current && (
        <div className="suggestions__current" aria-live="polite">
          <p className="suggestions__position">
            Suggestion {index + 1} of {count}
          </p>
          <blockquote className="suggestions__quote">
            {/^["“‘']/.test(current.quote) ? excerpt(current.quote, 300) : `“${excerpt(current.quote, 300)}”`}
          </blockquote>
          <dl className="suggestions__coding">
            <dt>Speaker</dt>
            <dd>{current.speaker}</dd>
            <dt>Actor</dt>
            <dd>{actorName ?? 'not in the codebook'}</dd>
            <dt>Issue</dt>
            <dd>{issueName || 'none found'}</dd>
            <dt>Stance</dt>
            <dd>set it yourself</dd>
          </dl>
          <div className="suggestions__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => show(suggestions[(index - 1 + count) % count])}
              aria-keyshortcuts="K"
            >
              Previous
            </button>
            <button type="button" className="button button--small" onClick={() => show(suggestions[(index + 1) % count])} aria-keyshortcuts="J">
              Next
            </button>
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy}
              onClick={() => void accept([current])}
              aria-keyshortcuts="A"
            >
              Accept
            </button>
            <button type="button" className="button button--small" onClick={() => edit(current)} aria-keyshortcuts="E">
              Edit…
            </button>
            <button type="button" className="button button--small" disabled={busy} onClick={() => void reject(current)} aria-keyshortcuts="R">
              Reject
            </button>
            {sameSpeaker.length > 1 && (
              <button type="button" className="button button--small" disabled={busy} onClick={() => void accept(sameSpeaker)}>
                Accept all {sameSpeaker.length} by {current.speaker}
              </button>
            )}
            {current.actorIds.length === 0 && (
              <button type="button" className="button button--small" disabled={busy} onClick={() => void accept([current], current.speaker)}>
                Accept with new actor “{current.speaker}”
              </button>
            )}
          </div>
          <p className="suggestions__help">{KEY_HELP}</p>
        </div>
      )}
    </section>
  );
}
