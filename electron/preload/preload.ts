import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANGED_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/api/channels';
import { METHOD_NAMES, NotebookChangedSchema, type NotebookChanged } from '../../shared/api/contract';
import type { CallResult } from '../../shared/api/dispatch';

/**
 * Exposes exactly the contract's methods as `window.stancebook`, plus `onChanged`. Nothing of
 * Electron or Node reaches the page: each method is a plain function returning a promise.
 */
const api: Record<string, unknown> = {};
for (const name of METHOD_NAMES) {
  api[name] = async (request: unknown, options?: unknown) => {
    const result = (await ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, request, options)) as CallResult;
    if (!result.ok) {
      const error = new Error(result.error.message);
      error.name = 'ApiError';
      (error as Error & { code: string }).code = result.error.code;
      throw error;
    }
    return result.value;
  };
}
api.onChanged = (listener: (event: NotebookChanged) => void) => {
  const handler = (_event: IpcRendererEvent, payload: unknown) => {
    const parsed = NotebookChangedSchema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(IPC_CHANGED_CHANNEL, handler);
  return () => ipcRenderer.removeListener(IPC_CHANGED_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('stancebook', Object.freeze(api));
