import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import type { CodebookFormat } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import { useStatus } from '../../components/status-context';
import { readFileAsBase64, saveExportedFile } from '../../components/files';

/** Import a Stancebook codebook file; export the codebook as Stancebook JSON or a REFI-QDA .qdc. */
export function CodebookExchange() {
  const status = useStatus();
  const [busy, setBusy] = useState(false);

  const exportAs = async (format: CodebookFormat) => {
    setBusy(true);
    try {
      const file = await api.exportCodebook({ format });
      saveExportedFile(file);
      status.announce(`Codebook saved as ${file.filename}.`);
    } catch (error) {
      status.reportError(error, 'The codebook could not be exported');
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const added = await api.importCodebook({ name: file.name, dataBase64: await readFileAsBase64(file) });
      const parts = (['actors', 'issues', 'stances', 'tags'] as const).map((k) => `${added[k]} ${added[k] === 1 ? k.slice(0, -1) : k}`);
      status.announce(`From “${file.name}”: added ${parts.join(', ')}. Entries already here were kept as they are.`);
    } catch (error) {
      status.reportError(error, `“${file.name}” could not be imported`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="codebook-exchange" role="group" aria-label="Import and export">
      <FileTrigger acceptedFileTypes={['.json', 'application/json']} onSelect={(files) => void importFile(files)}>
        <Button className="button button--small" isDisabled={busy}>
          Import codebook…
        </Button>
      </FileTrigger>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void exportAs('json')}>
        Export JSON
      </button>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void exportAs('qdc')}>
        Export REFI-QDA (.qdc)
      </button>
    </div>
  );
}
