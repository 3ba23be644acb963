import { rmSync } from 'node:fs';
import { startGitServer, type GitServer } from '../unit/sync/git-server';
import { call, expect, makeDataDir, seriousViolations, startApp, test } from './fixtures';

const SHOTS = process.env.SHOTS_DIR;

interface ArticleRow {
  id: string;
  title: string;
}
interface ClaimRow {
  id: string;
  note: string;
}

/**
 * Two copies of a notebook (two browser-mode servers) share it through a real Git server on
 * loopback: set the remote and sync in the app, meet a conflict, resolve it by keyboard.
 */
test('set a remote, sync, see and resolve a conflict by keyboard; axe clean', async ({ app, page }) => {
  test.setTimeout(180_000);
  const server: GitServer = await startGitServer();
  const otherDir = makeDataDir();
  const other = await startApp(otherDir);
  try {
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sync through Git' })).toBeVisible();
    await page.getByLabel('Remote (https://…)').fill(server.url);
    await page.getByRole('button', { name: 'Save remote' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.sync-progress')).toContainText('Sent this notebook', { timeout: 60_000 });

    // The other copy receives the notebook, then both change the same claim's note.
    await call(page, other, 'configureSync', { remote: server.url });
    await call(page, other, 'sync', {});
    const [article] = await call<ArticleRow[]>(page, app, 'listArticles', {});
    const { claims } = await call<{ claims: ClaimRow[] }>(page, app, 'getArticle', { id: article!.id });
    const claim = claims[0]!;
    await call(page, other, 'updateClaim', { articleId: article!.id, id: claim.id, patch: { note: 'Read as a warning (other copy)' } });
    await call(page, other, 'sync', {});
    await call(page, app, 'updateClaim', { articleId: article!.id, id: claim.id, patch: { note: 'Read as a concession (this copy)' } });

    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.sync-progress')).toContainText('1 conflict to review', { timeout: 60_000 });
    const conflict = page.locator('.conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('Read as a concession (this copy)');
    await expect(conflict).toContainText('Read as a warning (other copy)');
    await expect(conflict.locator('[data-side="ours"] h4')).toContainText('shown now');
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/sync-conflict.png`, fullPage: true });

    // Resolve by keyboard: focus the other side's button and press Enter.
    await conflict.getByRole('button', { name: 'Keep other side' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('No conflicts to review.')).toBeVisible();
    const after = await call<{ claims: ClaimRow[] }>(page, app, 'getArticle', { id: article!.id });
    expect(after.claims.find((c) => c.id === claim.id)!.note).toBe('Read as a warning (other copy)');
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/sync-resolved.png`, fullPage: true });
  } finally {
    await other.stop();
    rmSync(otherDir, { recursive: true, force: true });
    await server.stop();
  }
});
