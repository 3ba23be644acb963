import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTheme, type ThemeChoice } from './use-theme';

interface AppBarToolsProps {
  /** Null where the library is a drawer (narrow windows), not a pane to collapse. */
  libraryCollapsed: boolean | null;
  onToggleLibrary(): void;
  /** Null where the view shows no claims (Positions, Codebook, Trash). */
  claimsCollapsed: boolean | null;
  onToggleClaims(): void;
  onHelp(): void;
}

const THEMES: { id: ThemeChoice; label: string }[] = [
  { id: 'system', label: 'Follow the system' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

/** The right end of the app bar: show or hide panes, the theme, the shortcuts. */
export function AppBarTools({ libraryCollapsed, onToggleLibrary, claimsCollapsed, onToggleClaims, onHelp }: AppBarToolsProps) {
  const theme = useTheme();
  return (
    <div className="app-bar__tools">
      {libraryCollapsed !== null && (
        <button
          type="button"
          className="button button--quiet button--small"
          aria-pressed={!libraryCollapsed}
          onClick={onToggleLibrary}
          title="Show or hide the library"
        >
          Library
        </button>
      )}
      {claimsCollapsed !== null && (
        <button
          type="button"
          className="button button--quiet button--small"
          aria-pressed={!claimsCollapsed}
          onClick={onToggleClaims}
          title="Show or hide the claims"
        >
          Claims
        </button>
      )}
      <MenuTrigger>
        <Button className="button button--quiet button--small" aria-label={`Theme: ${THEMES.find((t) => t.id === theme.choice)?.label}`}>
          <span aria-hidden="true">{theme.resolved === 'dark' ? '☾' : '☀'}</span>
          <span className="bar-label" aria-hidden="true">
            Theme
          </span>
        </Button>
        <Popover className="menu-popover" placement="bottom end">
          <Menu
            className="menu"
            aria-label="Theme"
            selectionMode="single"
            selectedKeys={[theme.choice]}
            onAction={(key) => theme.choose(key as ThemeChoice)}
          >
            {THEMES.map((t) => (
              <MenuItem key={t.id} id={t.id} className="menu__item">
                {t.label}
              </MenuItem>
            ))}
          </Menu>
        </Popover>
      </MenuTrigger>
      <button type="button" className="button button--quiet button--small" onClick={onHelp} aria-keyshortcuts="?">
        <span className="bar-label">Keyboard shortcuts</span> <kbd>?</kbd>
      </button>
    </div>
  );
}
