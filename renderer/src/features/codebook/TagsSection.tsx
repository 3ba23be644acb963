import type { Tag } from '../../../../shared/model';
import type { OpenCodebookDialog } from './codebook-dialogs';
import { EntryActions, Swatch, UsageCount } from './EntryActions';

/** Free tags on claims; renaming one renames it on every claim that carries it. */
export function TagsSection({ tags, open }: { tags: Tag[]; open: OpenCodebookDialog }) {
  const sorted = [...tags].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section className="codebook-section" aria-label="Tags">
      <div className="codebook-section__bar">
        <p className="codebook-section__intro">Free labels for claims. Renaming a tag renames it on every claim that carries it.</p>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => open({ type: 'edit', target: { kind: 'tag', entry: null } })}
        >
          + New tag
        </button>
      </div>
      {sorted.length === 0 && <p className="empty-note">No tags in the codebook yet.</p>}
      <ul className="codebook-list" data-testid="tag-list">
        {sorted.map((tag) => {
          const ref = { kind: 'tag' as const, id: tag.id, name: tag.name };
          return (
            <li key={tag.id} className="codebook-row" data-entry-id={tag.id}>
              <Swatch colour={tag.color} />
              <div className="codebook-row__main">
                <span className="codebook-row__name">{tag.name}</span>
              </div>
              <UsageCount entry={ref} />
              <div className="codebook-row__actions">
                <EntryActions
                  entry={ref}
                  canMerge={tags.length > 1}
                  onEdit={() => open({ type: 'edit', target: { kind: 'tag', entry: tag } })}
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
