import { useState } from 'react';
import type { BriefExportFormat } from '../../../../shared/api';
import { api } from '../../api/client';
import { useStatus } from '../../components/status-context';
import { downloadFile } from './download-file';

const FORMATS: { format: BriefExportFormat; label: string }[] = [
  { format: 'md', label: 'Export brief (Markdown)' },
  { format: 'html', label: 'Export brief (HTML)' },
];

/** The annotated brief of one article, as a downloaded Markdown or HTML file. */
export function ExportBriefButtons({ articleId }: { articleId: string }) {
  const status = useStatus();
  const [busy, setBusy] = useState<BriefExportFormat | null>(null);

  const exportBrief = async (format: BriefExportFormat) => {
    setBusy(format);
    try {
      const file = await api.exportBrief({ articleId, format });
      downloadFile(file.filename, file.mimeType, file.content);
      status.announce(`Brief saved as ${file.filename}.`);
    } catch (error) {
      status.reportError(error, 'The brief could not be exported');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" className="button button--small" disabled={busy !== null} onClick={() => void exportBrief(format)}>
          {busy === format ? 'Exporting…' : label}
        </button>
      ))}
    </>
  );
}
