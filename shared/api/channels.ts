/**
 * The two IPC channels between the Electron preload and main process. Method names travel as
 * data on the invoke channel, so the contract's names are never typed twice.
 */
export const IPC_INVOKE_CHANNEL = 'stancebook:invoke';
export const IPC_CHANGED_CHANNEL = 'stancebook:changed';
