import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { useStatus } from '../components/status-context';
import { keys } from './queries';

/**
 * The news after a delete, with an Undo button. A claim delete is a step of the core's undo
 * history (the same as Ctrl+Z); an article or a brief comes back from the trash.
 */
export function useUndoToasts() {
  const status = useStatus();
  const client = useQueryClient();
  return {
    claimDeleted(claim: { id: string }) {
      status.announce('Claim moved to the trash.', {
        label: 'Undo',
        run: async () => {
          // The delete is still the last step: undo it (Ctrl+Z would do the same). After other
          // changes, undo would take back those first, so the claim comes back from the trash.
          const history = await api.getHistory({});
          if (history.undoLabel === 'Delete claim') await api.undo({});
          else await api.restoreFromTrash({ id: claim.id });
          status.announce('Claim restored.');
        },
      });
    },
    articleDeleted(article: { id: string; title: string }, reopen: () => void) {
      status.announce(`“${article.title}” and its claims moved to the trash.`, {
        label: 'Undo',
        run: async () => {
          await api.restoreFromTrash({ id: article.id });
          await client.invalidateQueries({ queryKey: keys.articles });
          reopen();
          status.announce(`“${article.title}” restored.`);
        },
      });
    },
    briefDeleted(brief: { id: string; title: string }, reopen: () => void) {
      status.announce(`“${brief.title}” moved to the trash.`, {
        label: 'Undo',
        run: async () => {
          await api.restoreFromTrash({ id: brief.id });
          await client.invalidateQueries({ queryKey: ['briefs'] });
          reopen();
          status.announce(`“${brief.title}” restored.`);
        },
      });
    },
  };
}
