import type { AnnotationImportReport } from '../../../../shared/api/contract-exchange';
import { Dialog } from '../../ui/Dialog';
import { plural } from '../../components/plural';

interface AnnotationImportDialogProps {
  name: string;
  report: AnnotationImportReport;
  onClose(): void;
}

/** What an annotation import did: claims placed, what could not be anchored and why, what was skipped. */
export function AnnotationImportDialog({ name, report, onClose }: AnnotationImportDialogProps) {
  const added = report.addedToCodebook;
  const newEntries = [...added.actors.map((n) => `actor ${n}`), ...added.issues.map((n) => `issue ${n}`), ...added.stances.map((n) => `stance ${n}`)];
  return (
    <Dialog
      title={`Imported from “${name}”`}
      onClose={onClose}
      size="medium"
      testId="annotation-import-report"
      close={{ label: 'Done', primary: true, autoFocus: true }}
    >
      <p data-testid="annotation-import-summary">
        {plural(report.imported, 'claim')} placed on {report.imported === 1 ? 'its article' : 'their articles'}
        {report.notAnchored.length > 0 && <>; {plural(report.notAnchored.length, 'annotation')} could not be anchored</>}
        {report.skipped.length > 0 && <>; {plural(report.skipped.length, 'annotation')} skipped</>}.
      </p>
      {newEntries.length > 0 && <p>Added to the codebook: {newEntries.join(', ')}.</p>}
      {report.notAnchored.length > 0 && (
        <section aria-labelledby="not-anchored">
          <h3 id="not-anchored" className="dialog-subtitle">
            Not anchored
          </h3>
          <ul className="report-list" tabIndex={0} aria-labelledby="not-anchored">
            {report.notAnchored.map((n, i) => (
              <li key={i}>
                <q>{n.quote}</q>: {n.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.skipped.length > 0 && (
        // Usually annotations already in the notebook: collapsed, since there may be hundreds.
        <details className="report-details">
          <summary>Skipped ({report.skipped.length})</summary>
          <ul className="report-list" tabIndex={0} aria-label="Skipped annotations">
            {report.skipped.map((s, i) => (
              <li key={i}>
                {s.reason} <span className="muted">({s.annotation})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Dialog>
  );
}
