import { useState } from 'react';
import type { Article, ArticleMeta } from '../../../../shared/model';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';

type Draft = Record<'title' | 'publishedAt' | 'source' | 'author' | 'url' | 'standfirst', string>;

const FIELDS: { key: keyof Draft; label: string; type?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'publishedAt', label: 'Date published', type: 'date' },
  { key: 'source', label: 'Source' },
  { key: 'author', label: 'Author' },
  { key: 'url', label: 'Web address (URL)' },
];

/** Edits an article's bibliographic details; empty fields are saved as unknown. */
export function EditDetailsDialog({ article, onClose, onSaved }: { article: Article; onClose(): void; onSaved(): void }) {
  const [draft, setDraft] = useState<Draft>({
    title: article.title,
    publishedAt: article.publishedAt ?? '',
    source: article.source ?? '',
    author: article.author ?? '',
    url: article.url ?? '',
    standfirst: article.standfirst ?? '',
  });
  const save = async () => {
    if (!draft.title.trim()) throw new Error('An article needs a title.');
    const orNull = (v: string) => v.trim() || null;
    const patch: Partial<ArticleMeta> = {
      title: draft.title.trim(),
      publishedAt: orNull(draft.publishedAt),
      source: orNull(draft.source),
      author: orNull(draft.author),
      url: orNull(draft.url),
      standfirst: orNull(draft.standfirst),
    };
    await api.updateArticleMeta({ id: article.id, patch });
    onSaved();
  };

  return (
    <Dialog title="Article details" onClose={onClose} testId="edit-details" className="details-form" action={{ label: 'Save details', run: save }}>
      {FIELDS.map((f) => (
        <label key={f.key} className="field">
          <span className="field-label">{f.label}</span>
          <input className="input" type={f.type ?? 'text'} value={draft[f.key]} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
        </label>
      ))}
      <label className="field">
        <span className="field-label">Standfirst</span>
        <textarea className="input textarea" rows={3} value={draft.standfirst} onChange={(e) => setDraft({ ...draft, standfirst: e.target.value })} />
      </label>
    </Dialog>
  );
}
