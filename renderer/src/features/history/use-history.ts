import { useCallback, useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useStatus } from '../../components/status-context';

export const historyKey = ['annotation-history'] as const;

/**
 * What undo and redo would do now. Any change the core reports may be a new step (or, after a
 * conflict, an emptied history), so every `notebook:changed` event asks again.
 */
export function useHistoryState() {
  const client = useQueryClient();
  useEffect(() => api.onChanged(() => void client.invalidateQueries({ queryKey: historyKey })), [client]);
  return useQuery({ queryKey: historyKey, queryFn: () => api.getHistory({}) });
}

/**
 * Undo and redo as the analyst triggers them: one at a time (a held Ctrl+Z must not queue a
 * dozen steps behind a slow one), the label announced, a refusal or conflict shown as an error.
 */
export function useUndoRedo(): { undo(): void; redo(): void } {
  const status = useStatus();
  const client = useQueryClient();
  const busy = useRef(false);

  const run = useCallback(
    async (which: 'undo' | 'redo') => {
      if (busy.current) return;
      busy.current = true;
      try {
        const { label } = which === 'undo' ? await api.undo({}) : await api.redo({});
        status.announce(`${which === 'undo' ? 'Undid' : 'Redid'}: ${label}`);
      } catch (error) {
        status.reportError(error, which === 'undo' ? 'Could not undo' : 'Could not redo');
      } finally {
        busy.current = false;
        await client.invalidateQueries({ queryKey: historyKey });
      }
    },
    [client, status],
  );

  return { undo: () => void run('undo'), redo: () => void run('redo') };
}
