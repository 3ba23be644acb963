import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ArticleSummary } from '../../../../shared/model';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { Dialog } from '../../ui/Dialog';
import { useStatus } from '../../components/status-context';

const split = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Edits an article's tags and collections as comma-separated lists. */
export function LabelsDialog({ article, onClose }: { article: ArticleSummary; onClose(): void }) {
  const status = useStatus();
  const queryClient = useQueryClient();
  const [tags, setTags] = useState(article.tags.join(', '));
  const [collections, setCollections] = useState(article.collections.join(', '));

  const save = async () => {
    await api.setArticleTags({ articleId: article.id, tags: split(tags) });
    await api.setArticleCollections({ articleId: article.id, collections: split(collections) });
    await queryClient.invalidateQueries({ queryKey: keys.articles });
    status.announce(`Tags and collections of “${article.title}” saved.`);
    onClose();
  };

  return (
    <Dialog title="Tags and collections" onClose={onClose} testId="labels" action={{ label: 'Save', run: save }}>
      <p className="dialog-hint">{article.title}</p>
      <label className="field">
        <span className="field-label">Tags</span>
        <input className="input" value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby="labels-hint" />
      </label>
      <label className="field">
        <span className="field-label">Collections</span>
        <input className="input" value={collections} onChange={(e) => setCollections(e.target.value)} aria-describedby="labels-hint" />
      </label>
      <p id="labels-hint" className="field-hint">
        Separate names with commas.
      </p>
    </Dialog>
  );
}
