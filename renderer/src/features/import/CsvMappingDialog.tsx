import { useEffect, useState } from 'react';
import type { CsvPreviewResult, CsvRowResult } from '../../../../shared/api/contract-library';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../components/status-context';
import { readFileAsBase64 } from '../../components/files';

const FIELDS = [
  { id: 'text', label: 'Article text (required)' },
  { id: 'title', label: 'Title' },
  { id: 'date', label: 'Date' },
  { id: 'source', label: 'Source' },
  { id: 'author', label: 'Author' },
  { id: 'url', label: 'URL' },
] as const;
type Field = (typeof FIELDS)[number]['id'];

interface CsvMappingDialogProps {
  file: File;
  onClose(): void;
  onImported(rows: CsvRowResult[]): void;
}

/** Which column is which, shown with the first rows; then one article per row. */
export function CsvMappingDialog({ file, onClose, onImported }: CsvMappingDialogProps) {
  const [data, setData] = useState<{ base64: string; preview: CsvPreviewResult } | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    (async () => {
      const base64 = await readFileAsBase64(file);
      const preview = await api.previewCsv({ name: file.name, dataBase64: base64 });
      if (stale) return;
      setData({ base64, preview });
      setMapping(preview.suggestedMapping);
    })().catch((error: unknown) => !stale && setProblem(errorText(error)));
    return () => {
      stale = true;
    };
  }, [file]);

  const submit = async () => {
    if (!data || busy) return;
    if (!mapping.text) {
      setProblem('Choose the column that holds the article text.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as { text: string };
      onImported(await api.importCsv({ name: file.name, dataBase64: data.base64, mapping: chosen }));
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  const columns = data?.preview.columns ?? [];
  return (
    <Dialog title={`Import ${file.name}`} onClose={onClose} size="large" testId="csv-mapping">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {!data && !problem && <p className="dialog-hint">Reading the file…</p>}
        {data && (
          <>
            <p className="dialog-hint">
              {data.preview.rowCount === 1 ? '1 row' : `${data.preview.rowCount} rows`}; each becomes an article. Choose which column holds what.
            </p>
            <div className="csv-mapping">
              {FIELDS.map((f) => (
                <label key={f.id} className="field">
                  <span className="field-label">{f.label}</span>
                  <select
                    className="input"
                    value={mapping[f.id] ?? ''}
                    onChange={(e) => setMapping({ ...mapping, [f.id]: e.target.value || undefined })}
                  >
                    <option value="">{f.id === 'text' ? 'Choose a column' : 'None'}</option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <div className="csv-sample">
              <table aria-label="First rows of the file">
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.preview.sampleRows.map((row, i) => (
                    <tr key={i}>
                      {columns.map((c) => (
                        <td key={c}>{(row[c] ?? '').slice(0, 120)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <span className="toolbar-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={!data || busy || undefined}>
            {busy ? 'Importing…' : 'Import rows'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
