import type { ReactNode } from 'react';
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover } from 'react-aria-components';
import { ExportProgress } from './ExportProgress';
import type { ExportJob } from './use-exporter';
import './export.css';

export interface MenuEntry {
  id: string;
  label: string;
  /** A short second line: the file type, or what the choice does. */
  hint?: string;
}

export interface MenuGroup {
  title: string;
  entries: MenuEntry[];
}

interface ExportMenuProps {
  /** The button's text, e.g. "Export" (the accessible name is `description`). */
  label: ReactNode;
  /** What the button's menu is about, for screen readers, e.g. "Export this article". */
  description: string;
  groups: MenuGroup[];
  job: ExportJob | null;
  onAction(id: string): void;
  testId?: string;
  /** The button's look; the app bar's buttons are quiet. */
  buttonClassName?: string;
}

/**
 * A menu button of export (and exchange) choices in titled groups, on react-aria's Menu:
 * arrow keys move, typing jumps to a choice, Enter picks, Escape closes and focus returns.
 * While an export runs its choices are disabled and the progress shows beside the button; the
 * button itself stays focusable, so focus can return to it when a choice closes the menu.
 */
export function ExportMenu({ label, description, groups, job, onAction, testId, buttonClassName = 'button button--small' }: ExportMenuProps) {
  const busyKeys = job ? groups.flatMap((g) => g.entries.map((e) => e.id)) : undefined;
  return (
    <span className="export-menu">
      <MenuTrigger>
        <Button className={buttonClassName} aria-label={description} aria-busy={job !== null || undefined} data-testid={testId}>
          {label}
          <span aria-hidden="true" className="export-menu__caret">
            ▾
          </span>
        </Button>
        <Popover className="menu-popover" placement="bottom end" offset={4}>
          <Menu className="menu" aria-label={description} disabledKeys={busyKeys} onAction={(key) => onAction(String(key))}>
            {groups.map((group) => (
              <MenuSection key={group.title} className="menu__section">
                <Header className="menu__header">{group.title}</Header>
                {group.entries.map((entry) => (
                  <MenuItem key={entry.id} id={entry.id} className="menu__item" textValue={entry.label}>
                    <span className="menu__label">{entry.label}</span>
                    {entry.hint && <span className="menu__hint">{entry.hint}</span>}
                  </MenuItem>
                ))}
              </MenuSection>
            ))}
          </Menu>
        </Popover>
      </MenuTrigger>
      {job && <ExportProgress job={job} />}
    </span>
  );
}
