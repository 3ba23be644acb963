import type { CSSProperties } from 'react';
import type { Issue } from '../../../../shared/model';
import type { OpenCodebookDialog } from './codebook-dialogs';
import { EntryActions, UsageCount } from './EntryActions';
import { issueRows } from './issue-tree';

/** The issues as an indented tree, each with its propositions. */
export function IssuesSection({ issues, open }: { issues: Issue[]; open: OpenCodebookDialog }) {
  const rows = issueRows(issues);
  const byId = new Map(issues.map((i) => [i.id, i]));
  return (
    <section className="codebook-section" aria-label="Issues">
      <div className="codebook-section__bar">
        <p className="codebook-section__intro">Topics positions are taken on, nested, each with the propositions actors take stances towards.</p>
        <button type="button" className="button button--primary button--small" onClick={() => open({ type: 'issue', issue: null })}>
          + New issue
        </button>
      </div>
      {rows.length === 0 && <p className="empty-note">No issues yet.</p>}
      <ul className="codebook-list" data-testid="issue-list">
        {rows.map(({ issue, depth }) => {
          const ref = { kind: 'issue' as const, id: issue.id, name: issue.name };
          const parent = issue.parentId ? byId.get(issue.parentId) : undefined;
          return (
            <li key={issue.id} className="codebook-row codebook-row--issue" data-entry-id={issue.id} style={{ '--depth': depth } as CSSProperties}>
              <div className="codebook-row__main">
                <span className="codebook-row__name">
                  {depth > 0 && (
                    <span className="issue-branch" aria-hidden="true">
                      └{' '}
                    </span>
                  )}
                  {issue.name}
                  {parent && <span className="visually-hidden">, under {parent.name}</span>}
                </span>
                {issue.propositions.length > 0 ? (
                  <ul className="codebook-propositions" aria-label={`Propositions of ${issue.name}`}>
                    {issue.propositions.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="codebook-row__detail">No propositions</span>
                )}
              </div>
              <UsageCount entry={ref} />
              <div className="codebook-row__actions">
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => open({ type: 'issue', issue: null, parentId: issue.id })}
                >
                  + Sub-issue<span className="visually-hidden"> under {issue.name}</span>
                </button>
                <EntryActions
                  entry={ref}
                  canMerge={issues.length > 1}
                  onEdit={() => open({ type: 'issue', issue })}
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
