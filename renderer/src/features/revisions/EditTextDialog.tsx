import { useState } from 'react';
import type { Article } from '../../../../shared/model';
import type { AnchorCounts } from '../../../../shared/api/contract-annotate';
import { api } from '../../api/client';
import { AppDialog } from '../../components/AppDialog';
import { errorText } from '../../components/status-context';
import { RevisionList } from './RevisionList';

interface EditTextDialogProps {
  article: Article;
  onClose(): void;
  /** After a save that changed the text, with where the claims now stand. */
  onRevised(rev: number, counts: AnchorCounts): void;
  /** After a save of the same text: nothing was written. */
  onUnchanged(): void;
}

/**
 * Edits the article's canonical text, one block per line. The old text is kept as a revision
 * and every claim is looked for again; the caller reports how many were found.
 */
export function EditTextDialog({ article, onClose, onRevised, onUnchanged }: EditTextDialogProps) {
  const [text, setText] = useState(article.text);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    if (!text.trim()) return setProblem('An article needs some text. To remove the article, delete it from the library.');
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.reviseArticleText({ articleId: article.id, text });
      if (result.changed) onRevised(result.rev, result.counts);
      else onUnchanged();
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  return (
    <AppDialog title={`Edit the text of “${article.title}”`} onClose={onClose} size="large" testId="edit-text">
      <form
        className="edit-text"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <label className="field">
          <span className="field-label">
            Text <span className="field-hint">(each line is a paragraph; claims are found again after you save)</span>
          </span>
          <textarea className="input textarea textarea--tall edit-text__area" rows={18} value={text} autoFocus spellCheck onChange={(e) => setText(e.target.value)} />
        </label>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <span className="dialog-hint">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
          </span>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? 'Finding the claims again…' : 'Save text'}
          </button>
        </div>
        <RevisionList articleId={article.id} />
      </form>
    </AppDialog>
  );
}
