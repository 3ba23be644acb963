import { useState } from 'react';
import type { Issue } from '../../../../shared/model';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { EntrySelect } from './EntrySelect';
import { issueAndDescendants } from './issue-tree';

interface IssueEditorDialogProps {
  /** The issue to edit, or null for a new one (under `parentId`). */
  issue: Issue | null;
  parentId?: string | null;
  issues: Issue[];
  onClose(): void;
  onSaved(message: string): void;
}

/** A proposition as edited here, with the wording it had, so a reworded one carries its claims along. */
interface PropositionRow {
  key: number;
  original: string | null;
  text: string;
}

/**
 * Creates or edits an issue: its name, its parent, its propositions. Rewording a proposition
 * rewrites the claims that use the old wording (renameProposition); adding or removing one only
 * changes what the claim editor offers.
 */
export function IssueEditorDialog({ issue, parentId = null, issues, onClose, onSaved }: IssueEditorDialogProps) {
  const [name, setName] = useState(issue?.name ?? '');
  const [parent, setParent] = useState<string | null>(issue ? issue.parentId : parentId);
  const [rows, setRows] = useState<PropositionRow[]>(() => (issue?.propositions ?? []).map((p, key) => ({ key, original: p, text: p })));
  const [nextKey, setNextKey] = useState(rows.length);
  const excluded = issue ? issueAndDescendants(issues, issue.id) : new Set<string>();
  const parents = issues.filter((i) => !excluded.has(i.id)).map((i) => ({ id: i.id, name: i.name }));

  const setRow = (key: number, text: string) => setRows((all) => all.map((r) => (r.key === key ? { ...r, text } : r)));
  const addRow = () => {
    setRows((all) => [...all, { key: nextKey, original: null, text: '' }]);
    setNextKey((k) => k + 1);
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-proposition-key="${nextKey}"]`)?.focus());
  };

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('The issue needs a name.');
    const final = [...new Set(rows.map((r) => r.text.trim()).filter(Boolean))];
    if (!issue) {
      await api.createIssue({ name: trimmed, parentId: parent, propositions: final });
      return onSaved(`Added the issue “${trimmed}”.`);
    }
    let followed = 0;
    for (const row of rows) {
      const to = row.text.trim();
      if (row.original && to && to !== row.original)
        followed += (await api.renameProposition({ issueId: issue.id, from: row.original, to })).claimsChanged;
    }
    const afterRenames = issue.propositions.map((p) => rows.find((r) => r.original === p)?.text.trim() || p);
    const patch = {
      ...(trimmed !== issue.name && { name: trimmed }),
      ...(parent !== issue.parentId && { parentId: parent }),
      ...(final.join('\n') !== afterRenames.join('\n') && { propositions: final }),
    };
    if (Object.keys(patch).length > 0) await api.updateIssue({ id: issue.id, patch });
    onSaved(`Saved the issue “${trimmed}”.${followed > 0 ? ` ${followed} claim${followed === 1 ? '' : 's'} took the new wording.` : ''}`);
  };

  return (
    <Dialog
      title={issue ? `Edit issue “${issue.name}”` : 'New issue'}
      onClose={onClose}
      size="large"
      testId="issue-editor"
      action={{ label: issue ? 'Save changes' : 'Add issue', run: save }}
    >
      <div className="field-row">
        <label className="field">
          <span className="field-label">Name</span>
          <input className="input" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
        </label>
        <EntrySelect label="Under" options={parents} value={parent} onChange={setParent} noneLabel="Top level (no parent)" />
      </div>
      <fieldset className="proposition-list">
        <legend className="field-label">Propositions</legend>
        <p className="field-hint">What actors take stances towards, e.g. “Taiwan independence”. Rewording one rewords the claims that use it.</p>
        {rows.length === 0 && <p className="muted">No propositions yet.</p>}
        {rows.map((row, index) => (
          <div key={row.key} className="proposition-row">
            <input
              className="input"
              aria-label={`Proposition ${index + 1}`}
              data-proposition-key={row.key}
              value={row.text}
              onChange={(e) => setRow(row.key, e.target.value)}
            />
            <button
              type="button"
              className="button button--small button--quiet button--danger"
              onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            >
              Remove<span className="visually-hidden"> proposition {index + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="button button--small" onClick={addRow}>
          + Add proposition
        </button>
      </fieldset>
    </Dialog>
  );
}
