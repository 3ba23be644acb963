import { useState } from 'react';
import type { ImportResult } from '../../../../shared/api';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
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
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [fileBusy, setFileBusy] = useState(false);

  const importPaste = async () => {
    if (!text.trim()) throw new Error('There is no text to import. Paste the article’s text into the box first.');
    onImported(await api.importText({ text, ...(title.trim() ? { title: title.trim() } : {}) }));
  };

  // The file input stays enabled while busy: disabling it would drop focus out of the dialog.
  const importFile = async (file: File | undefined) => {
    if (!file || fileBusy) return;
    setFileBusy(true);
    setFileProblem(null);
    try {
      onImported(await api.importFile({ name: file.name, dataBase64: await readFileAsBase64(file) }));
    } catch (error) {
      setFileProblem(errorText(error));
      setFileBusy(false);
    }
  };

  return (
    <Dialog
      title="New article"
      onClose={onClose}
      size="large"
      testId="new-article"
      className="new-article"
      errorTestId="import-error"
      problem={fileProblem}
      action={{ label: 'Add article', busyLabel: 'Importing…', run: importPaste }}
      extra={
        <div className="file-pick">
          <input
            id="article-file"
            className="visually-hidden"
            type="file"
            accept=".txt,.md,.markdown,text/plain,text/markdown"
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <label htmlFor="article-file" className="button">
            Add a file (.txt, .md)…
          </label>
        </div>
      }
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
        />
      </label>
    </Dialog>
  );
}
