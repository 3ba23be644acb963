import { useState } from 'react';
import type { ImportResult } from '../../../../shared/api';
import { api } from '../../api/client';
import { AppDialog } from '../../components/AppDialog';
import { errorText } from '../../components/status-context';
import { readFileAsBase64 } from '../../components/files';

interface NewArticleDialogProps {
  onClose(): void;
  onImported(result: ImportResult): void;
}

/** Adds an article from pasted text (with an optional title) or from a .txt / .md file. */
export function NewArticleDialog({ onClose, onImported }: NewArticleDialogProps) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (work: () => Promise<ImportResult>) => {
    setBusy(true);
    setProblem(null);
    try {
      onImported(await work());
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  // Buttons are never disabled while busy (that would drop focus out of the dialog); the
  // handlers ignore repeats instead.
  const importPaste = () => {
    if (busy) return;
    if (!text.trim()) {
      setProblem('There is no text to import. Paste the article’s text into the box first.');
      return;
    }
    void run(() => api.importText({ text, ...(title.trim() ? { title: title.trim() } : {}) }));
  };

  // The file input stays enabled while busy: disabling it would drop focus out of the dialog.
  const importFile = (file: File | undefined) => {
    if (!file || busy) return;
    void run(async () => api.importFile({ name: file.name, dataBase64: await readFileAsBase64(file) }));
  };

  return (
    <AppDialog title="New article" onClose={onClose} size="large" testId="new-article">
      <form
        className="new-article"
        onSubmit={(e) => {
          e.preventDefault();
          importPaste();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            importPaste();
          }
        }}
      >
        <label className="field">
          <span className="field-label">Title (optional; otherwise taken from the text)</span>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Article text</span>
          {/* The text is what N is pressed for: focus starts here (the title is optional). */}
          <textarea
            autoFocus
            className="input textarea textarea--tall"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Paste the article here. A date line and a headline at the top are recognised."
            aria-invalid={problem !== null && !text.trim() ? true : undefined}
          />
        </label>
        {problem && (
          <p role="alert" className="form-error" data-testid="import-error">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <div className="file-pick">
            <input
              id="article-file"
              className="visually-hidden"
              type="file"
              accept=".txt,.md,.markdown,text/plain,text/markdown"
              onChange={(e) => {
                importFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <label htmlFor="article-file" className="button">
              Add a file (.txt, .md)…
            </label>
          </div>
          <span className="toolbar-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? 'Importing…' : 'Add article'}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
