import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Brief } from '../../../../shared/model';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { Dialog } from '../../ui/Dialog';
import { formatDate } from '../../components/format-date';

interface GenerateBriefDialogProps {
  /** Ticked to begin with: the article open in the reader. */
  initialArticleId: string | null;
  onGenerated(brief: Brief): void;
  onClose(): void;
}

/** Most articles listed at once; the filter finds the others in a large library. */
const SHOWN = 200;

/** Chooses the articles a draft brief is written from, and its title. */
export function GenerateBriefDialog({ initialArticleId, onGenerated, onClose }: GenerateBriefDialogProps) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initialArticleId ? [initialArticleId] : []));
  const [filter, setFilter] = useState('');
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setAsked(filter.trim()), 150);
    return () => window.clearTimeout(timer);
  }, [filter]);
  const [title, setTitle] = useState('');
  // The newest published first, filtered in the core (title, source or author): one page, not the library.
  const articles = useQuery({
    queryKey: [...keys.articles, 'brief-choice', asked],
    queryFn: () =>
      api.queryLibrary({ sort: 'published', direction: 'desc', offset: 0, limit: SHOWN, ...(asked ? { filters: { text: asked } } : {}) }),
    placeholderData: keepPreviousData,
  });
  const shown = articles.data?.items ?? [];

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = async () => {
    if (chosen.size === 0) throw new Error('Tick at least one article to draft from.');
    onGenerated(await api.generateBrief({ articleIds: [...chosen], ...(title.trim() ? { title: title.trim() } : {}) }));
  };

  return (
    <Dialog
      title="Draft a brief from articles"
      size="large"
      onClose={onClose}
      testId="generate-brief"
      action={{ label: 'Draft brief', busyLabel: 'Drafting…', run: submit }}
    >
      <p className="muted brief-generate__intro">
        The draft lists the sources, then each issue and actor with their positions and the quotes cited live, where actors agree and clash, and your
        notes. Edit it freely afterwards.
      </p>
      <label className="field">
        <span className="field-label">
          Title <span className="field-hint">(optional)</span>
        </span>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Brief: …" maxLength={500} />
      </label>
      <fieldset className="brief-generate__articles">
        <legend className="field-label">Articles ({chosen.size} chosen)</legend>
        <input
          className="input"
          type="search"
          aria-label="Filter articles"
          placeholder="Filter articles…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <ul className="brief-generate__list">
          {shown.map((a) => (
            <li key={a.id}>
              <label className="brief-generate__option">
                <input type="checkbox" checked={chosen.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
                <span>
                  <span className="brief-generate__title">{a.title}</span>
                  <span className="muted">
                    {[a.source, formatDate(a.publishedAt, 'short')].filter(Boolean).join(' · ')} · {a.claimCount} claim{a.claimCount === 1 ? '' : 's'}
                  </span>
                </span>
              </label>
            </li>
          ))}
          {articles.data && shown.length === 0 && <li className="muted">No article matches.</li>}
          {articles.data && articles.data.total > shown.length && (
            <li className="muted">{(articles.data.total - shown.length).toLocaleString()} more: type in the filter to find them.</li>
          )}
        </ul>
      </fieldset>
    </Dialog>
  );
}
