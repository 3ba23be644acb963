import { useCallback, useState } from 'react';
import type { Claim } from '../../../shared/model';
import type { ScrollRequest } from '../features/reader/ReaderPane';

/**
 * The selected claim, shared by the reader and the sidebar. Selecting in one pane asks the
 * other to scroll to it; keyboard moves ask both.
 */
export function useClaimSelection(visibleClaims: Claim[]) {
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(null);
  const [readerScroll, setReaderScroll] = useState<ScrollRequest | null>(null);
  const [sidebarScroll, setSidebarScroll] = useState<ScrollRequest | null>(null);

  const request = (claimId: string) => ({ claimId, serial: Date.now() + Math.random() });

  const selectFromSidebar = useCallback((id: string) => {
    setSelectedClaimId(id);
    setReaderScroll(request(id));
  }, []);

  const selectFromReader = useCallback((id: string) => {
    setSelectedClaimId(id);
    setSidebarScroll(request(id));
  }, []);

  const move = useCallback(
    (step: 1 | -1) => {
      if (visibleClaims.length === 0) return;
      const at = visibleClaims.findIndex((c) => c.id === selectedClaimId);
      const next = at === -1 ? (step === 1 ? 0 : visibleClaims.length - 1) : Math.min(visibleClaims.length - 1, Math.max(0, at + step));
      const id = visibleClaims[next]?.id;
      if (!id) return;
      setSelectedClaimId(id);
      setReaderScroll(request(id));
      setSidebarScroll(request(id));
    },
    [visibleClaims, selectedClaimId],
  );

  return { selectedClaimId, setSelectedClaimId, readerScroll, sidebarScroll, selectFromSidebar, selectFromReader, move };
}
