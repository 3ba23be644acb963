import { useState } from 'react';
import type { Article, ArticleMeta } from '../../../../shared/model';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../components/status-context';

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
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    if (!draft.title.trim()) {
      setProblem('An article needs a title.');
      return;
    }
    const orNull = (v: string) => v.trim() || null;
    const patch: Partial<ArticleMeta> = {
      title: draft.title.trim(),
      publishedAt: orNull(draft.publishedAt),
      source: orNull(draft.source),
      author: orNull(draft.author),
      url: orNull(draft.url),
      standfirst: orNull(draft.standfirst),
    };
    setBusy(true);
    try {
      await api.updateArticleMeta({ id: article.id, patch });
      onSaved();
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Article details" onClose={onClose} testId="edit-details">
      <form
        className="details-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
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
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            Save details
          </button>
        </div>
      </form>
    </Dialog>
  );
}
