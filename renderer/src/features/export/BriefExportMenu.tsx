import type { DocumentFormat } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import { DOCUMENT_FORMATS } from './ArticleExportMenu';
import { ExportMenu, type MenuGroup } from './ExportMenu';
import { useExporter } from './use-exporter';

const GROUPS: MenuGroup[] = [
  {
    title: 'This brief, citations as they are now',
    entries: (['md', 'html', 'pdf', 'docx'] as const).map((f) => ({
      id: f,
      label: `Brief as ${DOCUMENT_FORMATS[f].name}`,
      hint: DOCUMENT_FORMATS[f].hint,
    })),
  },
];

interface BriefExportMenuProps {
  briefId: string;
  /** Saves what the analyst typed last, so the export has it; false when that save failed. */
  beforeExport(): Promise<boolean>;
}

/** The brief editor's Export menu: the brief as written, with each citation resolved and sourced. */
export function BriefExportMenu({ briefId, beforeExport }: BriefExportMenuProps) {
  const exporter = useExporter();
  const onAction = (format: string) => {
    void exporter.run(`Brief as ${DOCUMENT_FORMATS[format as DocumentFormat].name}`, async () => {
      if (!(await beforeExport())) {
        // Exporting the stored brief would quietly leave out the last edits.
        throw new Error(
          'The brief’s latest changes could not be saved, so it was not exported. Check the save message in the editor, then export again.',
        );
      }
      return api.exportBriefDocument({ briefId, format: format as DocumentFormat });
    });
  };
  return <ExportMenu label="Export" description="Export this brief" groups={GROUPS} job={exporter.job} onAction={onAction} testId="brief-export" />;
}
