import { bootCalls } from '../api/boot-calls';
import { sendEarlyRequests } from '../host/early-responses';
import { launchToken } from '../host/launch-token';

/*
 * The page's early entry, a build input of its own that the built page loads first (`async`,
 * vite.config.ts): in the browser mode it sends the app's first calls as soon as this small file
 * has loaded, while the app's ~1 MB of JavaScript is still loading and starting; the bridge takes
 * the answers (decision 0026). The desktop app's preload gives `window.stancebook` (IPC, not
 * HTTP): nothing is sent there.
 */
function storage(get: () => Storage): Storage | null {
  try {
    return get();
  } catch {
    return null;
  }
}

if (!(window as { stancebook?: unknown }).stancebook) {
  sendEarlyRequests(
    bootCalls(storage(() => window.localStorage)),
    launchToken(
      window.location.href,
      storage(() => window.sessionStorage),
    ),
  );
}
