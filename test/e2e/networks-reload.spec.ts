import { test, expect, seriousViolations } from './fixtures';

test('networks: reopened by a reload, the view comes back drawn, its graph and its list of connections', async ({ app, page }) => {
  void app;
  await page.getByRole('button', { name: 'Networks', exact: true }).click();
  const view = page.getByTestId('networks-view');
  await expect(page.locator('[data-testid="network-canvas"][data-drawn="all"]')).toHaveCount(1);

  // The app reopens the view it showed last: its code is asked for at once and it is drawn in a transition.
  await page.reload();
  await expect(view).toBeVisible();
  await expect(page.getByRole('main', { name: 'Networks' })).toBeVisible();
  await expect(page.locator('[data-testid="network-canvas"][data-drawn="all"]')).toHaveCount(1);
  await expect(view.getByRole('button', { name: /China — United States/ })).toBeVisible();
  // The sample's network is small: drawn in one frame, with no note about edges still arriving.
  await expect(view.locator('.network-drawing')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});
