import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Stance } from '../../../../shared/model';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { useStatus } from '../../components/status-context';
import type { OpenCodebookDialog } from './codebook-dialogs';
import { EntryActions, Swatch, UsageCount } from './EntryActions';

/**
 * The stance scale, from most opposed to most supportive. Move up/down buttons reorder it, as
 * do Alt+↑ / Alt+↓ anywhere in a row; focus stays on the moved stance.
 */
export function StancesSection({ stances, open }: { stances: Stance[]; open: OpenCodebookDialog }) {
  const status = useStatus();
  const client = useQueryClient();
  const listRef = useRef<HTMLOListElement>(null);
  const scale = [...stances].sort((a, b) => a.value - b.value);

  const move = async (stance: Stance, step: -1 | 1, focusAction: string) => {
    const from = scale.findIndex((s) => s.id === stance.id);
    const to = from + step;
    if (to < 0 || to >= scale.length) return;
    try {
      await api.moveStance({ id: stance.id, toIndex: to });
      status.announce(`Moved “${stance.label}” to place ${to + 1} of ${scale.length}.`);
    } catch (error) {
      status.reportError(error, `“${stance.label}” could not be moved`);
    }
    // The row is drawn in its new place once the codebook reloads; keep the keyboard on it.
    await client.invalidateQueries({ queryKey: keys.codebook });
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(stance.id)}"]`);
      (row?.querySelector<HTMLElement>(`[data-action="${focusAction}"]`) ?? row?.querySelector<HTMLElement>('button'))?.focus();
    });
  };

  return (
    <section className="codebook-section" aria-label="Stances">
      <div className="codebook-section__bar">
        <p className="codebook-section__intro">
          The ordered scale, from most opposed to most supportive. Reorder with the arrows or <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd>; the claim
          editor’s number keys follow this order.
        </p>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => open({ type: 'edit', target: { kind: 'stance', entry: null } })}
        >
          + New stance
        </button>
      </div>
      <ol className="codebook-list" ref={listRef} data-testid="stance-list">
        {scale.map((stance, index) => {
          const ref = { kind: 'stance' as const, id: stance.id, name: stance.label };
          return (
            <li
              key={stance.id}
              className="codebook-row"
              data-entry-id={stance.id}
              data-place={index}
              onKeyDown={(e) => {
                if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                e.preventDefault();
                const action = (e.target as HTMLElement).dataset.action ?? 'edit';
                void move(stance, e.key === 'ArrowUp' ? -1 : 1, action);
              }}
            >
              <span className="stance-place" aria-hidden="true">
                {index + 1}
              </span>
              <Swatch colour={stance.color} />
              <div className="codebook-row__main">
                <span className="codebook-row__name">{stance.label}</span>
                <span className="codebook-row__detail">{stance.color}</span>
              </div>
              <UsageCount entry={ref} />
              <div className="codebook-row__actions">
                <button
                  type="button"
                  className="button button--small button--quiet"
                  data-action="up"
                  aria-disabled={index === 0 || undefined}
                  aria-keyshortcuts="Alt+ArrowUp"
                  onClick={() => void move(stance, -1, 'up')}
                >
                  ↑<span className="visually-hidden"> Move {stance.label} towards opposes</span>
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  data-action="down"
                  aria-disabled={index === scale.length - 1 || undefined}
                  aria-keyshortcuts="Alt+ArrowDown"
                  onClick={() => void move(stance, 1, 'down')}
                >
                  ↓<span className="visually-hidden"> Move {stance.label} towards supports</span>
                </button>
                <EntryActions
                  entry={ref}
                  canMerge={scale.length > 1}
                  onEdit={() => open({ type: 'edit', target: { kind: 'stance', entry: stance } })}
                  onMerge={() => open({ type: 'merge', entry: ref })}
                  onDelete={() => open({ type: 'delete', entry: ref })}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
