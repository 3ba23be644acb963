import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatch, IPC_CHANGED_CHANNEL, IPC_INVOKE_CHANNEL, type CallResult } from '../../shared/api';
import type { NotebookCore } from '../core';

/**
 * Registers the one invoke handler. Every call is checked twice: the sender must be our own
 * renderer page (a file under the renderer folder, in the main frame), and the request must
 * match the method's schema (in `dispatch`).
 */
export function registerIpc(core: NotebookCore, isTrustedUrl: (url: string) => boolean): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, request: unknown, options: unknown): Promise<CallResult> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      return { ok: false, error: { code: 'invalid-request', message: 'Calls are accepted only from the Stancebook window.' } };
    }
    return dispatch(core.handlers, name, request, { options, withChange: core.withChange });
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

/** Forwards the core's change events to a window for as long as it lives. */
export function forwardChanges(core: NotebookCore, contents: WebContents): void {
  const unsubscribe = core.onChanged((event) => {
    if (!contents.isDestroyed()) contents.send(IPC_CHANGED_CHANNEL, event);
  });
  contents.once('destroyed', unsubscribe);
}
