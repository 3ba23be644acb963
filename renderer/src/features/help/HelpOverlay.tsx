import { useId } from 'react';
import { Dialog } from '../../ui/Dialog';
import { SHORTCUTS } from './shortcuts';

/** The `?` overlay: every keyboard shortcut, grouped by where it works. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const areas = [...new Set(SHORTCUTS.map((s) => s.area))];
  // Area names have spaces, which an id (and so aria-labelledby) cannot carry: ids by position.
  const idBase = useId();
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="large" testId="help" close={{ label: 'Close', primary: true }}>
      <div className="help-grid">
        {areas.map((area, index) => (
          <section key={area} className="help-section" aria-labelledby={`${idBase}-area-${index}`}>
            <h3 id={`${idBase}-area-${index}`} className="help-area">
              {area}
            </h3>
            <dl className="help-list">
              {SHORTCUTS.filter((s) => s.area === area).map((s) => (
                <div key={s.does} className="help-row">
                  <dt>
                    {s.keys.map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </dt>
                  <dd>{s.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
