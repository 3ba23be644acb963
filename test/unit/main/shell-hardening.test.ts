import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl, rendererFileFor } from '../../../electron/main/app-protocol';
import { externalLink } from '../../../electron/main/external-links';
import { secureWebPreferences } from '../../../electron/main/web-preferences';
import { tempDir } from '../helpers/temp-notebook';

describe('the renderer is served from app://stancebook, only from its own folder', () => {
  const root = path.join(tempDir(), 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');

  it('maps the app origin to files under the renderer folder', () => {
    expect(APP_INDEX_URL).toBe('app://stancebook/index.html');
    expect(rendererFileFor(root, 'app://stancebook/index.html')).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://stancebook/')).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://stancebook/assets/app.js?v=1')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('refuses other hosts, other schemes and every way out of the folder', () => {
    for (const url of [
      'app://other/index.html',
      'file:///etc/passwd',
      'https://stancebook/index.html',
      'app://stancebook/%2e%2e/%2e%2e/etc/passwd',
      'app://stancebook/..%2f..%2fetc%2fpasswd',
      'app://stancebook/assets/%00.js',
      'app://stancebook/%E0%A4%A',
    ]) {
      const file = rendererFileFor(root, url);
      expect(file === null || file.startsWith(root + path.sep), url).toBe(true);
    }
    expect(rendererFileFor(root, 'app://other/index.html')).toBeNull();
    expect(isAppUrl('app://stancebook.evil/x')).toBe(false);
    expect(isAppUrl('file:///app/dist/renderer/index.html')).toBe(false);
  });
});

describe('links leave the app only as http(s)', () => {
  it('accepts http(s) addresses and names their host for the confirmation', () => {
    expect(externalLink('https://news.example.org/a?b=1#c')).toEqual({ url: 'https://news.example.org/a?b=1#c', host: 'news.example.org' });
    expect(externalLink('http://x.example/')?.host).toBe('x.example');
  });

  it('refuses every other scheme and addresses with credentials', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'ms-msdt:/id',
      'data:text/html,x',
      'app://stancebook/index.html',
      'https://user:pw@bank.example/',
      'not a url',
      '',
    ]) {
      expect(externalLink(url), url).toBeNull();
    }
  });
});

describe('the spellchecker never downloads dictionaries', () => {
  it('is off on Linux (Electron would fetch Hunspell dictionaries from a CDN), on where the system provides one', () => {
    expect(secureWebPreferences('/p.cjs', 'linux').spellcheck).toBe(false);
    expect(secureWebPreferences('/p.cjs', 'darwin').spellcheck).toBe(true);
    expect(secureWebPreferences('/p.cjs', 'win32').spellcheck).toBe(true);
  });
});
