import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createErrorLog } from '../../../electron/main/error-log';
import { filesToImport, MAX_RECENT, parseRecent, withRecent } from '../../../electron/main/recent-notebooks';
import { DEFAULT_WINDOW, parseWindowState, serializeWindowState } from '../../../electron/main/window-state';
import { tempDir } from '../helpers/temp-notebook';

describe('error log', () => {
  it('writes one entry per error with its source and stack, and rotates past the size limit', async () => {
    const dir = path.join(tempDir(), 'logs');
    const log = createErrorLog(dir, { maxBytes: 600, keep: 2, now: () => new Date('2026-12-06T08:00:00Z') });
    await log.write('main', new TypeError('boom'));
    const first = readFileSync(log.file, 'utf8');
    expect(first).toMatch(/^2026-12-06T08:00:00.000Z \[main\] TypeError: boom\n\s+at /);
    for (let i = 0; i < 20; i++) await log.write('renderer', `console error number ${i} ${'x'.repeat(60)}`);
    expect(readdirSync(dir).sort()).toEqual(['stancebook.log', 'stancebook.log.1', 'stancebook.log.2']);
    for (const name of readdirSync(dir)) expect(readFileSync(path.join(dir, name), 'utf8').length).toBeLessThanOrEqual(600);
    expect(readFileSync(log.file, 'utf8')).toContain('[renderer] console error number 19');
  });

  it('never rejects, even where it cannot write', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const log = createErrorLog(path.join(blocker, 'logs'));
    await expect(log.write('main', new Error('x'))).resolves.toBeUndefined();
    expect(existsSync(log.file)).toBe(false);
  });
});

describe('window state', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('comes back as saved when it is on a display', () => {
    const text = serializeWindowState({ x: 100, y: 50, width: 1200, height: 800 }, true);
    expect(parseWindowState(text, screens)).toEqual({
      bounds: { x: 100, y: 50, width: 1200, height: 800 },
      width: 1200,
      height: 800,
      maximized: true,
    });
  });
  it('opens centred when its display is gone, within the minimum and the screen, and by default when unreadable', () => {
    expect(parseWindowState(serializeWindowState({ x: 3000, y: 50, width: 1200, height: 800 }, false), screens).bounds).toBeNull();
    expect(parseWindowState(serializeWindowState({ x: 0, y: 0, width: 200, height: 9000 }, false), screens)).toMatchObject({
      width: 960,
      height: 1080,
    });
    for (const bad of [null, '', 'not json', '{"width":"wide"}', '[]']) expect(parseWindowState(bad, screens)).toEqual(DEFAULT_WINDOW);
  });
});

describe('recent notebooks and files passed to a launch', () => {
  it('keeps absolute folders, newest first, without duplicates, at most ten', () => {
    let list = parseRecent('["/a", "relative", 3, "/b", "/a"]');
    expect(list).toEqual(['/a', '/b']);
    list = withRecent(list, '/b');
    expect(list).toEqual(['/b', '/a']);
    for (let i = 0; i < 20; i++) list = withRecent(list, `/n${i}`);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/n19');
    expect(parseRecent('{oops')).toEqual([]);
  });
  it('imports only existing files of the kinds Stancebook reads, never the --data folder', () => {
    const exists = (f: string) => !f.includes('missing');
    expect(
      filesToImport(['/app', '--data', '/nb/report.pdf', 'a.pdf', 'b.HTML', 'missing.txt', 'c.exe', '--flag', 'd.docx'], '/home/u', exists),
    ).toEqual(['/home/u/a.pdf', '/home/u/b.HTML', '/home/u/d.docx']);
  });
});
