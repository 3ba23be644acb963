import { VIEWS, type View } from './views';

interface ViewNavProps {
  view: View;
  onChange(view: View): void;
  /** Items in the trash, shown as a count on its segment (null: not known yet). */
  trashCount: number | null;
  /** The analyst points at, focuses (`pressed` false) or presses (`pressed` true) a view's button: its code and first data can start loading. */
  onPrepare?(view: View, pressed: boolean): void;
}

/**
 * The persistent segmented navigation: Reader | Positions | Codebook | Briefs | Trash. Buttons in
 * a nav landmark (the views are not addresses), the current one marked with aria-current, so
 * screen readers announce "current page"; G then a letter goes to each from the keyboard
 * (features/help/shortcuts.ts). The current one stays current when clicked again.
 */
export function ViewNav({ view, onChange, trashCount, onPrepare }: ViewNavProps) {
  return (
    <nav className="view-nav" aria-label="Views">
      <ul className="view-nav__list">
        {VIEWS.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className="view-nav__item"
              aria-current={view === v.id ? 'page' : undefined}
              aria-keyshortcuts={`G ${v.key}`}
              title={`${v.label} (G then ${v.key})`}
              data-view={v.id}
              onClick={() => onChange(v.id)}
              onPointerEnter={() => onPrepare?.(v.id, false)}
              onFocus={() => onPrepare?.(v.id, false)}
              onPointerDown={() => onPrepare?.(v.id, true)}
            >
              {v.label}
              {v.id === 'trash' && trashCount ? (
                <span className="view-nav__count">
                  <span aria-hidden="true">{trashCount}</span>
                  <span className="visually-hidden">, {trashCount === 1 ? '1 item' : `${trashCount} items`}</span>
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
