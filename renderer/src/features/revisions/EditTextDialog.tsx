import { useState } from 'react';
import type { Article } from '../../../../shared/model';
import type { AnchorCounts } from '../../../../shared/api/contract-annotate';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
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
  const save = async () => {
    if (!text.trim()) throw new Error('An article needs some text. To remove the article, delete it from the library.');
    const result = await api.reviseArticleText({ articleId: article.id, text });
    if (result.changed) onRevised(result.rev, result.counts);
    else onUnchanged();
  };

  return (
    <Dialog
      title={`Edit the text of “${article.title}”`}
      onClose={onClose}
      size="large"
      testId="edit-text"
      className="edit-text"
      action={{ label: 'Save text', busyLabel: 'Finding the claims again…', run: save }}
      extra={
        <span className="dialog-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
        </span>
      }
      after={<RevisionList articleId={article.id} />}
    >
      <label className="field">
        <span className="field-label">
          Text <span className="field-hint">(each line is a paragraph; claims are found again after you save)</span>
        </span>
        <textarea
          className="input textarea textarea--tall edit-text__area"
          rows={18}
          value={text}
          autoFocus
          spellCheck
          onChange={(e) => setText(e.target.value)}
        />
      </label>
    </Dialog>
  );
}
