import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const trashKeys = {
  list: ['trash'] as const,
  backups: ['backups'] as const,
};

/** What is in the trash; every change event refreshes it (app/queries.ts), so do deletes elsewhere. */
export function useTrash() {
  return useQuery({ queryKey: trashKeys.list, queryFn: () => api.listTrash({}) });
}

export function useBackups(enabled: boolean) {
  return useQuery({ queryKey: trashKeys.backups, queryFn: () => api.listBackups({}), enabled });
}
