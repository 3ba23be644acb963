import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BriefSummary } from '../../../../shared/api/contract-briefs';
import type { Brief, Claim } from '../../../../shared/model';
import { api } from '../../api/client';
import { useStatus } from '../../components/status-context';
import { useUndoToasts } from '../../app/use-undo-toasts';
import { briefKeys, useBriefList, useLiveCitations } from './brief-queries';
import { BriefEditor } from './BriefEditor';
import { BriefList } from './BriefList';
import { DeleteBriefDialog } from './DeleteBriefDialog';
import { GenerateBriefDialog } from './GenerateBriefDialog';
import './briefs.css';

interface BriefsViewProps {
  /** The claim selected in the claims sidebar: "Cite selected" inserts it. */
  citeClaim: Claim | null;
  /** The article open in the reader: drafts start from it, the picker lists its claims first. */
  currentArticleId: string | null;
}

const LAST_BRIEF = 'stancebook.lastBrief';

/** The briefs view for the centre pane: the list of briefs beside the open brief's editor. */
export function BriefsView({ citeClaim, currentArticleId }: BriefsViewProps) {
  useLiveCitations();
  const client = useQueryClient();
  const status = useStatus();
  const undoToasts = useUndoToasts();
  const list = useBriefList();
  const [chosenId, setOpenId] = useState<string | null>(() => localStorage.getItem(LAST_BRIEF));
  // A remembered brief that no longer exists (deleted here or elsewhere) gives way to the newest one.
  const openId = list.data ? (list.data.some((b) => b.id === chosenId) ? chosenId : (list.data[0]?.id ?? null)) : null;
  // Counts Rename requests, so asking twice for the same brief still moves the cursor to its title.
  const [titleRequest, setTitleRequest] = useState(0);
  const [dialog, setDialog] = useState<{ kind: 'generate' } | { kind: 'delete'; brief: BriefSummary } | null>(null);

  useEffect(() => {
    if (list.error) status.reportError(list.error, 'The briefs could not be listed');
  }, [list.error, status]);

  const open = (id: string | null, focusTitle = false) => {
    setOpenId(id);
    if (id) localStorage.setItem(LAST_BRIEF, id);
    else localStorage.removeItem(LAST_BRIEF);
    if (focusTitle) setTitleRequest((n) => n + 1);
  };

  const opened = async (brief: Brief, message: string, focusTitle: boolean) => {
    await client.invalidateQueries({ queryKey: briefKeys.list });
    open(brief.id, focusTitle);
    status.announce(message);
  };

  const create = async () => {
    try {
      await opened(await api.createBrief({ title: 'Untitled brief' }), 'New brief started. Type its title.', true);
    } catch (error) {
      status.reportError(error, 'The brief could not be created');
    }
  };

  const onDeleted = async (brief: BriefSummary) => {
    setDialog(null);
    if (brief.id === openId) open(null);
    await client.invalidateQueries({ queryKey: briefKeys.list });
    undoToasts.briefDeleted(brief, () => open(brief.id));
  };

  return (
    <div className="briefs-view">
      <BriefList
        briefs={list.data}
        isLoading={list.isLoading}
        openBriefId={openId}
        onOpen={(id) => open(id)}
        onCreate={() => void create()}
        onGenerate={() => setDialog({ kind: 'generate' })}
        onRename={(id) => open(id, true)}
        onDelete={(brief) => setDialog({ kind: 'delete', brief })}
      />
      <section className="briefs-view__editor" aria-label="Brief">
        {openId ? (
          <BriefEditor key={openId} briefId={openId} citeClaim={citeClaim} preferArticleId={currentArticleId} focusTitleRequest={titleRequest} />
        ) : (
          <p className="empty-note empty-note--centre">Open a brief from the list, start a new one, or draft one from your articles.</p>
        )}
      </section>
      {dialog?.kind === 'generate' && (
        <GenerateBriefDialog
          initialArticleId={currentArticleId}
          onClose={() => setDialog(null)}
          onGenerated={(brief) => {
            setDialog(null);
            void opened(brief, `Draft “${brief.title}” is ready.`, false);
          }}
        />
      )}
      {dialog?.kind === 'delete' && <DeleteBriefDialog brief={dialog.brief} onClose={() => setDialog(null)} onDeleted={(b) => void onDeleted(b)} />}
    </div>
  );
}
