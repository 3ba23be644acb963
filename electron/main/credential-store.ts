import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../shared/api';

/**
 * The desktop app's Git credentials: one token per remote URL, encrypted with Electron's
 * safeStorage (the system keychain's key) into a file in the app's userData folder, never in
 * the notebook folder, its Git config or its history. Where the system offers no encryption the
 * token is refused for storing (it then lives for the session only), never written in the clear.
 */

/** The part of Electron's `safeStorage` this needs (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface GitCredential {
  username: string;
  token: string;
}

interface CredentialFile {
  version: 1;
  /** remote URL → base64 of the encrypted JSON {username, token} */
  remotes: Record<string, string>;
}

export class CredentialStore {
  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
  ) {}

  private read(): CredentialFile {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<CredentialFile>;
      if (parsed.version === 1 && parsed.remotes && typeof parsed.remotes === 'object') return { version: 1, remotes: { ...parsed.remotes } };
    } catch {
      // Missing or unreadable: no stored credentials (a damaged file is replaced on the next save).
    }
    return { version: 1, remotes: {} };
  }

  private write(data: CredentialFile): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(temp, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(temp, this.file);
  }

  get(remote: string): GitCredential | null {
    const sealed = this.read().remotes[remote];
    if (!sealed || !this.safeStorage.isEncryptionAvailable()) return null;
    try {
      const value = JSON.parse(this.safeStorage.decryptString(Buffer.from(sealed, 'base64'))) as Partial<GitCredential>;
      return typeof value.token === 'string' ? { username: value.username ?? 'token', token: value.token } : null;
    } catch {
      return null;
    }
  }

  /** Stores the token; false (nothing written) where the system cannot encrypt. */
  set(remote: string, credential: GitCredential): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    const data = this.read();
    data.remotes[remote] = this.safeStorage.encryptString(JSON.stringify(credential)).toString('base64');
    this.write(data);
    return true;
  }

  delete(remote: string): void {
    const data = this.read();
    if (!(remote in data.remotes)) return;
    delete data.remotes[remote];
    this.write(data);
  }
}

/**
 * The contract's handlers with the desktop's credentials: a token given with `configureSync` is
 * stored for its remote; a `sync` without a token uses the stored one.
 */
export function withStoredCredentials(handlers: ApiHandlers, store: CredentialStore): ApiHandlers {
  return {
    ...handlers,
    configureSync: async (request) => {
      const status = await handlers.configureSync(request);
      if (request.remote && request.token) store.set(request.remote, { username: request.username ?? 'token', token: request.token });
      return status;
    },
    sync: async (request) => {
      if (request.token) return handlers.sync(request);
      const { remote } = await handlers.getSyncStatus({});
      const stored = remote ? store.get(remote) : null;
      return handlers.sync(stored ? { ...request, token: stored.token, username: stored.username } : request);
    },
  };
}
