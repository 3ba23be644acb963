import type { ApiHandlers } from '../../../shared/api';
import type { trashMethods } from '../../../shared/api/contract-trash';
import type { CoreContext } from '../context';
import { backupNow, listBackups, restoreBackupBeside } from './backups';
import { briefsCiting, emptyTrash, listTrash, restoreFromTrash } from './trash';

/** Handlers for the methods in shared/api/contract-trash.ts. */
export function createTrashHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof trashMethods> {
  return {
    listTrash: async () => listTrash(context),
    restoreFromTrash: ({ id }) => restoreFromTrash(context, id),
    emptyTrash: () => emptyTrash(context),
    briefsCiting: (request) => briefsCiting(context, request),
    listBackups: async () => listBackups(context),
    backupNow: () => backupNow(context),
    restoreBackup: ({ name }) => restoreBackupBeside(context, name),
  };
}
