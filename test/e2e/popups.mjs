// @ts-check
/** Sign-in popups in the end-to-end tests. */

/**
 * Resolves once the page `opened` resolves with (a sign-in popup) has closed; rejects after
 * `timeout` ms. A quick sign-in can close its popup while the test still awaits the click that
 * opened it, and Playwright fires no `close` for a page that is already closed: so it looks
 * first, and waits only for a popup still open.
 * @param {Promise<import('playwright-core').Page>} opened
 * @param {number} [timeout]
 */
export async function popupClosed(opened, timeout = 15_000) {
  const popup = await opened;
  if (!popup.isClosed()) await popup.waitForEvent('close', { timeout });
}
