import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { Codebook } from '../../../../shared/model';
import { useStatus } from '../../components/status-context';
import { ActorEditorDialog } from './ActorEditorDialog';
import { ActorsSection } from './ActorsSection';
import { CodebookExchange } from './CodebookExchange';
import type { CodebookDialog } from './codebook-dialogs';
import { DeleteEntryDialog } from './DeleteEntryDialog';
import { EntryEditorDialog } from './EntryEditorDialog';
import { IssueEditorDialog } from './IssueEditorDialog';
import { IssuesSection } from './IssuesSection';
import { MergeEntryDialog } from './MergeEntryDialog';
import { StancesSection } from './StancesSection';
import { TagsSection } from './TagsSection';
import './codebook.css';

const LAST_TAB = 'stancebook.codebookTab';

/**
 * The codebook view for the centre pane: actors, issues, stances and tags in tabs, each entry
 * with edit, merge and delete; import and export above. Every change is one undo step.
 */
export function CodebookView({ codebook }: { codebook: Codebook | undefined }) {
  const status = useStatus();
  const [tab, setTab] = useState(() => localStorage.getItem(LAST_TAB) ?? 'actors');
  const [dialog, setDialog] = useState<CodebookDialog | null>(null);

  const done = (message: string) => {
    setDialog(null);
    status.announce(message);
  };

  if (!codebook) return <p className="empty-note empty-note--centre">Opening the codebook…</p>;
  const count = { actors: codebook.actors.length, issues: codebook.issues.length, stances: codebook.stances.length, tags: codebook.tags.length };

  return (
    <div className="codebook-view" data-testid="codebook-view">
      <header className="codebook-header">
        <h1 className="codebook-title">Codebook</h1>
        <span className="toolbar-spacer" />
        <CodebookExchange />
      </header>
      <Tabs
        className="codebook-tabs"
        selectedKey={tab}
        onSelectionChange={(key) => {
          setTab(String(key));
          localStorage.setItem(LAST_TAB, String(key));
        }}
      >
        <TabList className="codebook-tablist" aria-label="Parts of the codebook">
          {(['actors', 'issues', 'stances', 'tags'] as const).map((k) => (
            <Tab key={k} id={k} className="codebook-tab">
              {k[0]?.toUpperCase()}
              {k.slice(1)} <span className="codebook-tab__count">{count[k]}</span>
            </Tab>
          ))}
        </TabList>
        <TabPanel id="actors" className="codebook-panel">
          <ActorsSection actors={codebook.actors} open={setDialog} />
        </TabPanel>
        <TabPanel id="issues" className="codebook-panel">
          <IssuesSection issues={codebook.issues} open={setDialog} />
        </TabPanel>
        <TabPanel id="stances" className="codebook-panel">
          <StancesSection stances={codebook.stances} open={setDialog} />
        </TabPanel>
        <TabPanel id="tags" className="codebook-panel">
          <TagsSection tags={codebook.tags} open={setDialog} />
        </TabPanel>
      </Tabs>
      {dialog?.type === 'edit' && dialog.target.kind === 'actor' && (
        <ActorEditorDialog actor={dialog.target.entry} actors={codebook.actors} onClose={() => setDialog(null)} onSaved={done} />
      )}
      {dialog?.type === 'edit' && dialog.target.kind !== 'actor' && (
        <EntryEditorDialog target={dialog.target} onClose={() => setDialog(null)} onSaved={done} />
      )}
      {dialog?.type === 'issue' && (
        <IssueEditorDialog issue={dialog.issue} parentId={dialog.parentId} issues={codebook.issues} onClose={() => setDialog(null)} onSaved={done} />
      )}
      {dialog?.type === 'merge' && <MergeEntryDialog entry={dialog.entry} codebook={codebook} onClose={() => setDialog(null)} onMerged={done} />}
      {dialog?.type === 'delete' && <DeleteEntryDialog entry={dialog.entry} codebook={codebook} onClose={() => setDialog(null)} onDeleted={done} />}
    </div>
  );
}
