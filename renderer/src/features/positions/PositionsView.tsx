import { useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PositionsFilter } from '../../../../shared/api/contract-positions';
import { api } from '../../api/client';
import { keys, useCodebook, useCollections } from '../../app/queries';
import { errorText } from '../../components/status-context';
import type { CodebookLookup } from '../claims/codebook-lookup';
import { ExportProgress } from '../export/ExportProgress';
import { useExporter } from '../export/use-exporter';
import { plural } from '../../components/plural';
import { ActorScopeControls, ALL_ACTORS, scopeRequest, type ActorScopeValue } from '../registry/ActorScopeControls';
import { PositionDetail } from './PositionDetail';
import { describeCell, shiftText, stanceCounts } from './position-text';
import './positions.css';
import { CoderField } from '../coders/CoderField';

interface PositionsViewProps {
  lookup: CodebookLookup;
  onOpenClaim(articleId: string, claimId: string): void;
}

const cellKey = (issueId: string | null, actorId: string) => `${issueId ?? ''}\u0000${actorId}`;

/** Drops empty fields, so the query key and the request carry only real filters. */
function cleanFilter(filter: PositionsFilter): PositionsFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as PositionsFilter;
}

/**
 * Positions across the notebook: a table of issues by actors where each cell shows the claims
 * per stance, the propositions the actor took a position on and any shift; propositions on which
 * actors stand on opposite sides are listed as clashes (the core defines both). The header row
 * and the issue column stay in view while the table scrolls. A cell opens the position over
 * time and its claims in a drawer beside the table. Filters narrow it to a period, a collection
 * or a source.
 */
export function PositionsView({ lookup, onOpenClaim }: PositionsViewProps) {
  const [draft, setDraft] = useState<PositionsFilter>({});
  const [scope, setScope] = useState<ActorScopeValue>(ALL_ACTORS);
  const codebook = useCodebook();
  const filter = useMemo(() => ({ ...cleanFilter(draft), ...scopeRequest(scope) }), [draft, scope]);
  const positions = useQuery({
    queryKey: [...keys.positions, 'map', filter],
    queryFn: () => api.getPositions(filter),
    placeholderData: (previous) => previous,
  });
  const collections = useCollections();
  // The outlets of articles with claims, for the Source filter (refreshed with the map).
  const sources = useQuery({
    queryKey: [...keys.positions, 'sources'],
    queryFn: async () =>
      (await api.queryLibrary({ sort: 'source', direction: 'asc', offset: 0, limit: 1, filters: { minClaims: 1 } })).facets.sources,
  });
  const [selected, setSelected] = useState<string | null>(null);
  const exporter = useExporter();
  // One cell is in the Tab order; arrow keys move between cells (a grid of buttons).
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const map = positions.data;
  const cells = useMemo(() => new Map((map?.cells ?? []).map((c) => [cellKey(c.issueId, c.actorId), c])), [map]);
  const selectedCell = selected ? cells.get(selected) : undefined;
  const actorName = (id: string) => lookup.actor(id)?.name ?? id;
  const issueName = (id: string | null) => (id ? lookup.issuePath(id) || id : 'No issue');

  // The first cell in reading order holds the Tab stop until another is focused.
  const firstKey =
    (map?.issueIds ?? []).flatMap((issueId) => (map?.actorIds ?? []).map((actorId) => cellKey(issueId, actorId))).find((key) => cells.has(key)) ??
    null;

  /** Arrow keys go to the nearest cell with claims in that direction; Home and End to the row's first and last. */
  const moveBetweenCells = (event: React.KeyboardEvent<HTMLTableElement>) => {
    const from = (event.target as HTMLElement).closest<HTMLElement>('.position-cell');
    if (!from) return;
    const row = Number(from.dataset.row);
    const col = Number(from.dataset.col);
    const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('.position-cell')];
    const at = (r: number, c: number) => buttons.find((b) => Number(b.dataset.row) === r && Number(b.dataset.col) === c);
    const inRow = buttons.filter((b) => Number(b.dataset.row) === row);
    const inCol = buttons.filter((b) => Number(b.dataset.col) === col);
    let target: HTMLElement | undefined;
    if (event.key === 'ArrowRight') target = inRow.find((b) => Number(b.dataset.col) > col);
    else if (event.key === 'ArrowLeft') target = inRow.filter((b) => Number(b.dataset.col) < col).pop();
    else if (event.key === 'ArrowDown') target = inCol.find((b) => Number(b.dataset.row) > row);
    else if (event.key === 'ArrowUp') target = inCol.filter((b) => Number(b.dataset.row) < row).pop();
    else if (event.key === 'Home') target = inRow[0];
    else if (event.key === 'End') target = inRow[inRow.length - 1];
    else return;
    event.preventDefault();
    (target ?? at(row, col))?.focus();
  };

  // Which issue rows hold a clash, and which cells take part in one.
  const clashIssues = useMemo(() => new Set((map?.clashes ?? []).map((c) => c.issueId ?? '')), [map]);
  const clashCells = useMemo(
    () => new Set((map?.clashes ?? []).flatMap((c) => [...c.supporters, ...c.opponents].map((side) => cellKey(c.issueId, side.actorId)))),
    [map],
  );
  const stanceLabel = (id: string) => lookup.stance(id)?.label ?? 'unknown stance';

  /** Closing the drawer puts focus back where it was opened from (a cell, or a side of a clash), else on the cell. */
  const tableRef = useRef<HTMLTableElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const openDetail = (key: string | null) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSelected(key);
  };
  const closeDetail = useCallback(() => {
    const key = selected;
    setSelected(null);
    requestAnimationFrame(() => {
      if (opener.current?.isConnected) return opener.current.focus();
      // Found by comparing keys, not by a selector: the key holds a NUL between issue and actor.
      [...(tableRef.current?.querySelectorAll<HTMLElement>('.position-cell') ?? [])].find((b) => b.dataset.key === key)?.focus();
    });
  }, [selected]);

  return (
    <div className="positions-view" data-testid="positions-view">
      <header className="positions-head">
        <div>
          <h2 className="positions-title">Positions</h2>
          <p className="muted positions-summary" role="status">
            {map
              ? `${map.claimCount} ${map.claimCount === 1 ? 'claim' : 'claims'} in ${map.articleCount} ${map.articleCount === 1 ? 'article' : 'articles'}`
              : ' '}
          </p>
        </div>
        <div className="positions-filters" role="group" aria-label="Which articles and actors">
          <label className="positions-field">
            <span>From</span>
            <input
              className="input"
              type="date"
              value={draft.publishedFrom ?? ''}
              max={draft.publishedTo || undefined}
              onChange={(e) => setDraft({ ...draft, publishedFrom: e.target.value })}
            />
          </label>
          <label className="positions-field">
            <span>To</span>
            <input
              className="input"
              type="date"
              value={draft.publishedTo ?? ''}
              min={draft.publishedFrom || undefined}
              onChange={(e) => setDraft({ ...draft, publishedTo: e.target.value })}
            />
          </label>
          <label className="positions-field">
            <span>Collection</span>
            <select className="input" value={draft.collection ?? ''} onChange={(e) => setDraft({ ...draft, collection: e.target.value })}>
              <option value="">All articles</option>
              {(collections.data ?? []).map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.articleCount})
                </option>
              ))}
            </select>
          </label>
          <label className="positions-field">
            <span>Source</span>
            <select className="input" value={draft.source ?? ''} onChange={(e) => setDraft({ ...draft, source: e.target.value })}>
              <option value="">All sources</option>
              {(sources.data ?? []).map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name} ({s.count})
                </option>
              ))}
            </select>
          </label>
          <ActorScopeControls
            actors={codebook.data?.actors ?? []}
            value={scope}
            onChange={(next) => (setScope(next), setSelected(null))}
            fieldClass="positions-field"
          />
          <CoderField className="positions-field" value={draft.coderId ?? ''} onChange={(coderId) => setDraft({ ...draft, coderId })} />
          {Object.keys(filter).length > 0 && (
            <button type="button" className="link-button" onClick={() => (setDraft({}), setScope(ALL_ACTORS))}>
              Clear
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            disabled={exporter.job !== null || !map?.cells.length}
            onClick={() => void exporter.run('Positions as CSV', () => api.exportPositions(filter))}
          >
            Export CSV
          </button>
          {exporter.job && <ExportProgress job={exporter.job} />}
        </div>
      </header>

      {positions.error && (
        <p className="form-error" role="alert">
          The positions could not be worked out: {errorText(positions.error)}
        </p>
      )}
      {map && map.cells.length === 0 && (
        <p className="empty-note">
          No claims with an actor {Object.keys(filter).length ? 'in these articles' : 'yet'}. Mark claims in articles and tag who holds them, and
          their positions appear here.
        </p>
      )}

      {map && map.clashes.length > 0 && (
        <section className="positions-clashes" aria-labelledby="clashes-title">
          <h3 id="clashes-title">Where actors clash</h3>
          <p className="muted positions-clashes__note">Opposite stances on the same proposition, by each actor’s latest claim.</p>
          <ul>
            {map.clashes.map((c) => (
              <li key={`${c.issueId ?? ''}\u0000${c.proposition}`}>
                <strong>{issueName(c.issueId)}</strong>: <em>{c.proposition}</em> —{' '}
                {[c.supporters, c.opponents].map((side, i) => (
                  <span key={i}>
                    {i > 0 && ' · '}
                    {side.map((s, j) => (
                      <span key={s.actorId}>
                        {j > 0 && ', '}
                        {/* Opens that actor's position on the issue in the drawer. */}
                        <button type="button" className="link-button" onClick={() => openDetail(cellKey(c.issueId, s.actorId))}>
                          {actorName(s.actorId)} {stanceLabel(s.stanceId)}
                        </button>
                      </span>
                    ))}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {map && map.cells.length > 0 && (
        <div className={`positions-body${selectedCell ? ' positions-body--with-detail' : ''}`}>
          {/* One Tab stop for the whole table: its cells' buttons (the region scrolls with them). */}
          <div className="positions-table-wrap" role="region" aria-label="Positions table">
            <table className="positions-table" onKeyDown={moveBetweenCells} ref={tableRef}>
              <caption className="visually-hidden">
                Each actor’s claims on each issue, counted per stance, with the propositions they concern; a cell opens the position over time beside
                the table. Arrow keys move between cells; Home and End go to a row’s ends.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  {map.actorIds.map((id) => (
                    <th key={id} scope="col">
                      <span className="positions-actor" style={{ '--actor': lookup.actor(id)?.color ?? '#8a8a8a' } as CSSProperties}>
                        {actorName(id)}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {map.issueIds.map((issueId, rowIndex) => {
                  const clash = clashIssues.has(issueId ?? '');
                  return (
                    <tr key={issueId ?? ''} className={clash ? 'positions-row--clash' : undefined}>
                      <th scope="row">
                        {issueName(issueId)}
                        {clash && <span className="clash-badge">clash</span>}
                      </th>
                      {map.actorIds.map((actorId, colIndex) => {
                        const key = cellKey(issueId, actorId);
                        const cell = cells.get(key);
                        if (!cell) {
                          return (
                            <td key={actorId} className="position-cell--empty">
                              <span aria-hidden="true">—</span>
                              <span className="visually-hidden">no claims</span>
                            </td>
                          );
                        }
                        const latest = lookup.stance(cell.latestStanceId);
                        const more = cell.propositionCount - Math.min(2, cell.propositions.length);
                        const inClash = clashCells.has(key);
                        return (
                          <td key={actorId}>
                            <button
                              type="button"
                              className={`position-cell${inClash ? ' position-cell--clash' : ''}`}
                              data-row={rowIndex}
                              data-col={colIndex}
                              data-key={key}
                              tabIndex={key === (focusKey && cells.has(focusKey) ? focusKey : firstKey) ? 0 : -1}
                              onFocus={() => setFocusKey(key)}
                              aria-pressed={selected === key}
                              aria-label={describeCell(cell, actorName(actorId), issueName(issueId), lookup) + (inClash ? '. In a clash' : '')}
                              style={{ '--stance': latest?.color ?? '#8a8a8a' } as CSSProperties}
                              onClick={() => (selected === key ? closeDetail() : openDetail(key))}
                            >
                              <span className="position-counts">
                                {stanceCounts(cell, lookup).map((s) => (
                                  <span key={s.id} className="position-count" style={{ '--dot': s.color } as CSSProperties}>
                                    <span className="stance-dot" aria-hidden="true" />
                                    {s.count} {s.label}
                                  </span>
                                ))}
                                {Object.keys(cell.stanceCounts).length === 0 && (
                                  <span className="position-count">{plural(cell.claimCount, 'claim')}, no stance</span>
                                )}
                              </span>
                              <span className="position-props">
                                {cell.propositions.slice(0, 2).map((p) => (
                                  <span key={p.proposition} className="position-prop" title={p.proposition || undefined}>
                                    {p.proposition || <span className="muted">no proposition</span>}
                                  </span>
                                ))}
                                {more > 0 && <span className="position-prop position-prop--more">and {more} more</span>}
                              </span>
                              {cell.shifts[0] && (
                                <span className="position-shift">
                                  shifted {shiftText(cell.shifts[0], lookup)}
                                  {cell.shifts.length > 1 ? ` (+${cell.shifts.length - 1})` : ''}
                                </span>
                              )}
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {selectedCell && (
            <PositionDetail
              key={selected}
              cell={selectedCell}
              period={map.period}
              filter={filter}
              lookup={lookup}
              onOpenClaim={onOpenClaim}
              onClose={closeDetail}
            />
          )}
        </div>
      )}
    </div>
  );
}
