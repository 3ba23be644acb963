import { expect, test } from './fixtures';

test('reloading the page keeps the session (HttpOnly cookie), and the address bar keeps no token', async ({ page, app }) => {
  await expect(page.getByText('10 claims in text order')).toBeVisible();
  expect(page.url()).not.toContain('token');
  await page.reload();
  await expect(page.getByText('10 claims in text order')).toBeVisible();
  // The session cookie is invisible to scripts.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const cookies = await page.context().cookies(app.origin);
  expect(cookies).toEqual([expect.objectContaining({ name: expect.stringMatching(/^stancebook-session-\d+$/), httpOnly: true, sameSite: 'Strict' })]);
  // Another browser (no cookie, no token) still gets nothing.
  const stranger = await page.request.fetch(`${app.origin}/`, { headers: { cookie: '' } });
  expect(stranger.status()).toBe(401);
});
