import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialStore, type SafeStorageLike } from '../../../electron/main/credential-store';

/** A stand-in for Electron's safeStorage (the binary cannot run here): a reversible byte scramble. */
function fakeSafeStorage(available = true): SafeStorageLike {
  const scramble = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => scramble(Buffer.from(plain, 'utf8')),
    decryptString: (sealed) => scramble(sealed).toString('utf8'),
  };
}

describe('the desktop credential store (file handling, fake safeStorage)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'stancebook-creds-'));
    file = path.join(dir, 'userData', 'git-credentials.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a token per remote, encrypted, readable by a new store, private to the user', () => {
    const store = new CredentialStore(file, fakeSafeStorage());
    expect(store.set('https://git.example.org/a.git', { username: 'token', token: 'tok-A' })).toBe(true);
    store.set('https://git.example.org/b.git', { username: 'ann', token: 'tok-B' });
    expect(readFileSync(file, 'utf8')).not.toContain('tok-A');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = new CredentialStore(file, fakeSafeStorage());
    expect(again.get('https://git.example.org/a.git')).toEqual({ username: 'token', token: 'tok-A' });
    expect(again.get('https://git.example.org/b.git')).toEqual({ username: 'ann', token: 'tok-B' });
    again.delete('https://git.example.org/a.git');
    expect(new CredentialStore(file, fakeSafeStorage()).get('https://git.example.org/a.git')).toBeNull();
  });

  it('never writes a token in the clear when the system offers no encryption', () => {
    const store = new CredentialStore(file, fakeSafeStorage(false));
    expect(store.set('https://git.example.org/a.git', { username: 'token', token: 'tok-A' })).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('treats a damaged file as holding nothing', async () => {
    const store = new CredentialStore(file, fakeSafeStorage());
    store.set('https://x/a.git', { username: 'token', token: 't' });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{not json');
    expect(store.get('https://x/a.git')).toBeNull();
    expect(store.set('https://x/a.git', { username: 'token', token: 't2' })).toBe(true);
    expect(store.get('https://x/a.git')?.token).toBe('t2');
  });
});
