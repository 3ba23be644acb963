import { useMemo, useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader, type SortDescriptor } from 'react-aria-components';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, wikidataUrl, type Actor, type ActorKind } from '../../../../shared/model';
import type { OpenCodebookDialog } from './codebook-dialogs';
import { EntryActions, Swatch, UsageCount } from './EntryActions';
import { RegistryExchange } from './RegistryExchange';
import { useCodebookUsage } from './use-codebook-usage';

type SortColumn = 'name' | 'kind' | 'country' | 'affiliation' | 'parent' | 'claims';

const fold = (text: string | null | undefined): string => (text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The actor registry as a table: name (with aliases), kind, country, party or affiliation, parent
 * (by name), Wikidata link, claims; sortable by each column, filtered by words (in any of them)
 * and by kind. Arrow keys move between cells (react-aria's grid); the actions sit in the last cell.
 */
export function ActorsSection({ actors, open }: { actors: Actor[]; open: OpenCodebookDialog }) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<ActorKind | '' | 'none'>('');
  const [sort, setSort] = useState<SortDescriptor>({ column: 'name', direction: 'ascending' });
  const usage = useCodebookUsage();
  const nameOf = useMemo(() => new Map(actors.map((a) => [a.id, a.name])), [actors]);

  const shown = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const parentName = (a: Actor) => (a.parentId ? (nameOf.get(a.parentId) ?? '') : '');
    const kept = actors.filter((a) => {
      if (kind === 'none' ? !!a.kind : kind !== '' && a.kind !== kind) return false;
      if (words.length === 0) return true;
      const hay = fold(
        [a.name, ...a.aliases, a.country, a.affiliation, parentName(a), a.wikidataId, a.kind ? ACTOR_KIND_LABELS[a.kind] : ''].join(' '),
      );
      return words.every((w) => hay.includes(w));
    });
    const key = (a: Actor): string | number => {
      switch (sort.column as SortColumn) {
        case 'kind':
          return a.kind ? ACTOR_KIND_LABELS[a.kind] : '';
        case 'country':
          return a.country ?? '';
        case 'affiliation':
          return a.affiliation ?? '';
        case 'parent':
          return parentName(a);
        case 'claims':
          return usage.data?.actors[a.id] ?? 0;
        default:
          return a.name;
      }
    };
    const sign = sort.direction === 'descending' ? -1 : 1;
    return kept
      .map((a) => ({ a, k: key(a) }))
      .sort((x, y) => {
        // Empty cells last whichever the direction; ties by name.
        const xe = x.k === '' ? 1 : 0;
        const ye = y.k === '' ? 1 : 0;
        if (xe !== ye) return xe - ye;
        const by = typeof x.k === 'number' && typeof y.k === 'number' ? x.k - y.k : String(x.k).localeCompare(String(y.k));
        return sign * by || x.a.name.localeCompare(y.a.name);
      })
      .map(({ a }) => a);
  }, [actors, kind, query, sort, usage.data, nameOf]);

  return (
    <section className="codebook-section" aria-label="Actors">
      <div className="codebook-section__bar">
        <p className="codebook-section__intro">
          Who holds positions. Aliases let “Wang Yi” or “Beijing” find China when you code a claim; a parent rolls an actor up in positions and
          networks.
        </p>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => open({ type: 'edit', target: { kind: 'actor', entry: null } })}
        >
          + New actor
        </button>
      </div>
      <div className="actor-table__tools" role="group" aria-label="Filter and exchange the registry">
        <label className="actor-table__filter">
          <span className="visually-hidden">Filter actors</span>
          <input
            className="input actor-table__input"
            type="search"
            value={query}
            placeholder="Filter actors…"
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <label className="actor-table__kind">
          <span className="actor-table__label">Kind</span>
          <select className="input actor-table__input" value={kind} onChange={(e) => setKind(e.target.value as ActorKind | '' | 'none')}>
            <option value="">All kinds</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {ACTOR_KIND_LABELS[k]}
              </option>
            ))}
            <option value="none">Not set</option>
          </select>
        </label>
        <span className="actor-table__count" aria-live="polite">
          {shown.length === actors.length ? `${actors.length} actors` : `${shown.length} of ${actors.length} actors`}
        </span>
        <span className="toolbar-spacer" />
        <RegistryExchange />
      </div>
      {actors.length === 0 && <p className="empty-note">No actors yet.</p>}
      <div className="actor-table__scroll">
        <Table aria-label="Actor registry" className="actor-table" sortDescriptor={sort} onSortChange={setSort} data-testid="actor-list">
          <TableHeader>
            {(
              [
                ['name', 'Name'],
                ['kind', 'Kind'],
                ['country', 'Country'],
                ['affiliation', 'Affiliation'],
                ['parent', 'Parent'],
                ['wikidata', 'Wikidata'],
                ['claims', 'Claims'],
                ['actions', 'Actions'],
              ] as const
            ).map(([id, label]) => (
              <Column
                key={id}
                id={id}
                isRowHeader={id === 'name'}
                allowsSorting={id !== 'wikidata' && id !== 'actions'}
                className={`actor-table__head actor-table__head--${id}`}
              >
                {({ allowsSorting, sortDirection }) => (
                  <span className="actor-table__head-label">
                    {id === 'actions' ? <span className="visually-hidden">{label}</span> : label}
                    {allowsSorting && (
                      <span className="actor-table__sort" aria-hidden="true">
                        {sortDirection === 'ascending' ? '▲' : sortDirection === 'descending' ? '▼' : ''}
                      </span>
                    )}
                  </span>
                )}
              </Column>
            ))}
          </TableHeader>
          <TableBody items={shown} renderEmptyState={() => (actors.length > 0 ? <p className="empty-note">No actor matches the filter.</p> : null)}>
            {(actor) => {
              const ref = { kind: 'actor' as const, id: actor.id, name: actor.name };
              return (
                <Row id={actor.id} className="codebook-row actor-table__row" data-entry-id={actor.id}>
                  <Cell className="actor-table__cell actor-table__cell--name">
                    <div className="actor-table__name">
                      <Swatch colour={actor.color} />
                      <div className="codebook-row__main">
                        <span className="codebook-row__name">{actor.name}</span>
                        {actor.aliases.length > 0 && (
                          <span className="codebook-row__detail">
                            <span className="visually-hidden">Aliases: </span>
                            {actor.aliases.join(', ')}
                          </span>
                        )}
                      </div>
                    </div>
                  </Cell>
                  <Cell className="actor-table__cell">{actor.kind ? ACTOR_KIND_LABELS[actor.kind] : ''}</Cell>
                  <Cell className="actor-table__cell">{actor.country ?? ''}</Cell>
                  <Cell className="actor-table__cell">{actor.affiliation ?? ''}</Cell>
                  <Cell className="actor-table__cell">{actor.parentId ? (nameOf.get(actor.parentId) ?? '') : ''}</Cell>
                  <Cell className="actor-table__cell">
                    {actor.wikidataId ? (
                      <a href={wikidataUrl(actor.wikidataId)} target="_blank" rel="noreferrer noopener" title={`${actor.name} on wikidata.org`}>
                        {actor.wikidataId}
                      </a>
                    ) : (
                      ''
                    )}
                  </Cell>
                  <Cell className="actor-table__cell actor-table__cell--claims">
                    <UsageCount entry={ref} />
                  </Cell>
                  <Cell className="actor-table__cell actor-table__cell--actions">
                    <div className="codebook-row__actions">
                      <EntryActions
                        entry={ref}
                        canMerge={actors.length > 1}
                        onEdit={() => open({ type: 'edit', target: { kind: 'actor', entry: actor } })}
                        onMerge={() => open({ type: 'merge', entry: ref })}
                        onDelete={() => open({ type: 'delete', entry: ref })}
                      />
                    </div>
                  </Cell>
                </Row>
              );
            }}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
