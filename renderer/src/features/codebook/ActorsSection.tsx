import type { Actor } from '../../../../shared/model';
import type { OpenCodebookDialog } from './codebook-dialogs';
import { EntryActions, Swatch, UsageCount } from './EntryActions';

/** The actors: who holds positions, with the other names that mean them. */
export function ActorsSection({ actors, open }: { actors: Actor[]; open: OpenCodebookDialog }) {
  return (
    <section className="codebook-section" aria-label="Actors">
      <div className="codebook-section__bar">
        <p className="codebook-section__intro">Who holds positions. Aliases let “Wang Yi” or “Beijing” find China when you code a claim.</p>
        <button type="button" className="button button--primary button--small" onClick={() => open({ type: 'edit', target: { kind: 'actor', entry: null } })}>
          + New actor
        </button>
      </div>
      {actors.length === 0 && <p className="empty-note">No actors yet.</p>}
      <ul className="codebook-list" data-testid="actor-list">
        {actors.map((actor) => {
          const ref = { kind: 'actor' as const, id: actor.id, name: actor.name };
          return (
            <li key={actor.id} className="codebook-row" data-entry-id={actor.id}>
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
              <UsageCount entry={ref} />
              <div className="codebook-row__actions">
                <EntryActions
                  entry={ref}
                  canMerge={actors.length > 1}
                  onEdit={() => open({ type: 'edit', target: { kind: 'actor', entry: actor } })}
                  onMerge={() => open({ type: 'merge', entry: ref })}
                  onDelete={() => open({ type: 'delete', entry: ref })}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
