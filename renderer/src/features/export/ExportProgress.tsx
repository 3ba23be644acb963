import { useEffect, useState } from 'react';
import { ProgressBar } from 'react-aria-components';
import type { ExportJob } from './use-exporter';

/**
 * Shown while an export runs: what is being made, an indeterminate bar and the seconds so far,
 * so a long PDF or whole-notebook export never looks stuck. The core reports no percentage, so
 * none is invented.
 */
export function ExportProgress({ job }: { job: ExportJob }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - job.startedAt) / 1000));
  return (
    <ProgressBar isIndeterminate className="export-progress" aria-label={`${job.label}: exporting`} data-testid="export-progress">
      <span className="export-progress__label">{job.label}…</span>
      <span className="export-progress__track" aria-hidden="true">
        <span className="export-progress__bar" />
      </span>
      {seconds >= 2 && <span className="export-progress__time">{seconds} s</span>}
    </ProgressBar>
  );
}
