import { useCallback, useRef, useState } from 'react';
import type { ExportedFile } from '../../../../shared/api';
import { saveExportedFile } from '../../components/files';
import { useStatus } from '../../components/status-context';

/** An export under way: what is being made, and since when (for the elapsed time shown). */
export interface ExportJob {
  label: string;
  startedAt: number;
}

export interface Exporter {
  job: ExportJob | null;
  /** Makes a file and saves it; one export at a time, errors reported, never thrown. */
  run(label: string, make: () => Promise<ExportedFile>): Promise<void>;
}

/**
 * Runs exports for one menu: marks the job while the core works (PDFs and whole-notebook
 * exports take seconds), saves the file through a download, and tells the analyst the file's
 * name or what went wrong.
 */
export function useExporter(): Exporter {
  const status = useStatus();
  const [job, setJob] = useState<ExportJob | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (label: string, make: () => Promise<ExportedFile>) => {
      if (running.current) return;
      running.current = true;
      setJob({ label, startedAt: Date.now() });
      try {
        const file = await make();
        saveExportedFile(file);
        status.announce(`${label}: saved as ${file.filename}.`);
      } catch (error) {
        status.reportError(error, `${label} could not be made`);
      } finally {
        running.current = false;
        setJob(null);
      }
    },
    [status],
  );
  return { job, run };
}
