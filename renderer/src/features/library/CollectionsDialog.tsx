import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LabelCount } from '../../../../shared/api/contract-library';
import { api } from '../../api/client';
import { keys, useCollections } from '../../app/queries';
import { Dialog } from '../../ui/Dialog';
import { errorText, useStatus } from '../../components/status-context';

const articles = (n: number) => (n === 1 ? '1 article' : `${n} articles`);

type Editing = { kind: 'rename'; name: string; to: string } | { kind: 'delete'; name: string; count: number } | null;

/**
 * The library's collections with their sizes: rename one (onto an existing name merges the two)
 * or remove it from every article (the articles stay). Each change is one core call that
 * rewrites the articles concerned; the list shows the result.
 */
export function CollectionsDialog({ onClose }: { onClose(): void }) {
  const status = useStatus();
  const client = useQueryClient();
  const list = useCollections();
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (change: () => Promise<{ articlesChanged: number; collections: LabelCount[] }>, done: (n: number) => string) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await change();
      client.setQueryData(keys.collections, result.collections);
      await client.invalidateQueries();
      status.announce(done(result.articlesChanged));
      setEditing(null);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const rename = (from: string, to: string) => {
    const target = to.trim();
    if (!target || target === from) return setEditing(null);
    const merging = list.data?.some((c) => c.name.toLowerCase() === target.toLowerCase() && c.name !== from);
    void apply(
      () => api.renameCollection({ from, to: target }),
      (n) => `${merging ? 'Merged' : 'Renamed'} “${from}” ${merging ? 'into' : 'to'} “${target}” on ${articles(n)}.`,
    );
  };

  const collections = list.data ?? [];
  return (
    <Dialog title="Collections" onClose={onClose} testId="collections" close={{ label: 'Close' }} problem={problem}>
      {list.isLoading && <p>Loading the collections…</p>}
      {list.error && (
        <p className="form-error" role="alert">
          The collections could not be listed: {errorText(list.error)}
        </p>
      )}
      {list.data && collections.length === 0 && (
        <p className="muted">No collections yet. Add an article to one with its Tags and collections (#) button.</p>
      )}
      {collections.length > 0 && (
        <ul className="collections-list" aria-label="Collections">
          {collections.map((c) => (
            <li key={c.name} className="collections-row">
              {editing?.kind === 'rename' && editing.name === c.name ? (
                <form
                  className="collections-row__form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    rename(c.name, editing.to);
                  }}
                >
                  <label className="visually-hidden" htmlFor="collection-rename">
                    New name for {c.name}
                  </label>
                  <input
                    id="collection-rename"
                    className="input"
                    value={editing.to}
                    maxLength={200}
                    autoFocus
                    onChange={(e) => setEditing({ ...editing, to: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') {
                        e.preventDefault();
                        e.stopPropagation();
                        setEditing(null);
                      }
                    }}
                  />
                  <button type="submit" className="button button--small button--primary" disabled={busy}>
                    Rename
                  </button>
                  <button type="button" className="button button--small" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : editing?.kind === 'delete' && editing.name === c.name ? (
                <div className="collections-row__form" role="group" aria-label={`Remove ${c.name}?`}>
                  <span>
                    Remove “{c.name}” from {articles(c.articleCount)}? The articles stay in the library.
                  </span>
                  <button
                    type="button"
                    className="button button--small button--danger-solid"
                    disabled={busy}
                    autoFocus
                    onClick={() =>
                      void apply(
                        () => api.deleteCollection({ name: c.name }),
                        (n) => `Removed the collection “${c.name}” from ${articles(n)}.`,
                      )
                    }
                  >
                    Remove
                  </button>
                  <button type="button" className="button button--small" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <>
                  <span className="collections-row__name">{c.name}</span>
                  <span className="muted">{articles(c.articleCount)}</span>
                  <span className="toolbar-spacer" />
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Rename ${c.name}`}
                    onClick={() => setEditing({ kind: 'rename', name: c.name, to: c.name })}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet button--danger"
                    aria-label={`Remove ${c.name}`}
                    onClick={() => setEditing({ kind: 'delete', name: c.name, count: c.articleCount })}
                  >
                    Remove
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
