import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { api } from '../../api/client';
import { useStatus } from '../../components/status-context';
import { saveExportedFile } from '../../components/files';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The registry as CSV: export it, or import one kept elsewhere (rows matched to actors by name or
 * alias). A refused file changes nothing; the message names each bad row.
 */
export function RegistryExchange() {
  const status = useStatus();
  const [busy, setBusy] = useState(false);

  const exportCsv = async () => {
    setBusy(true);
    try {
      const file = await api.exportRegistry({});
      saveExportedFile(file);
      status.announce(`Actor registry saved as ${file.filename}.`);
    } catch (error) {
      status.reportError(error, 'The registry could not be exported');
    } finally {
      setBusy(false);
    }
  };

  const importCsv = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const report = await api.importRegistry({ text: await file.text() });
      const ignored = report.ignoredColumns.length ? ` Columns not read: ${report.ignoredColumns.join(', ')}.` : '';
      status.announce(
        `From “${file.name}”: ${plural(report.created.length, 'actor')} added, ${report.updated.length} updated, ${report.skipped.length} rows skipped.${ignored}`,
      );
    } catch (error) {
      status.reportError(error, `“${file.name}” could not be imported`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="codebook-exchange" role="group" aria-label="Registry as CSV">
      <FileTrigger acceptedFileTypes={['.csv', 'text/csv']} onSelect={(files) => void importCsv(files)}>
        <Button className="button button--small" isDisabled={busy}>
          Import registry CSV…
        </Button>
      </FileTrigger>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void exportCsv()}>
        Export registry CSV
      </button>
    </div>
  );
}
