// @ts-check
/**
 * The package as npm publishes it: builds and packs it once (test/support/packed-tarball.js), then
 * checks what the tarball holds, and uses it the way a page without a bundler does — the README's
 * markup with one `<script type="module">` pointing at `dist/browser/sso-callout.js` on a CDN,
 * no import map, and the tarball's `dist/redirect.html` hosted on the page's origin — and the way
 * apps do: the React, Vue and Angular apps of `examples/` are built from it (example-apps.mjs).
 * Azure AD and the API are the test emulators, answering at the network level
 * (test/support/routed-emulators.js), so the pages name the real hosts, as the README does.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packTarball } from '../support/packed-tarball.js';
import { buildExampleApps, exampleApps, startExampleApps } from './example-apps.mjs';
import { startPlainPage } from './plain-page.mjs';
import { popupClosed } from './popups.mjs';
import { describeTarball } from './tarball-checks.mjs';

/** @type {import('../support/packed-tarball.js').PackedTarball} */
let packed;

before(async () => {
  packed = await packTarball();
});

after(async () => {
  await packed?.remove();
});

describe('the packed tarball', () => {
  describeTarball(() => packed);
});

describe('a plain page with one script tag and the packaged redirect page', () => {
  /** @type {Awaited<ReturnType<typeof startPlainPage>>} */
  let page;

  before(async () => {
    page = await startPlainPage(packed.dir);
  });

  after(async () => {
    await page?.stop();
  });

  it('shows the API data after a silent sign-in, loading only the bundle and its MSAL chunk', async () => {
    const visit = await page.open({ session: 'jane@contoso.com' });
    await visit.rows.first().waitFor();
    assert.equal(await visit.rows.count(), 2, 'the two open orders');
    assert.equal(await visit.page.evaluate(() => document.scripts.length), 1);
    assert.equal(await visit.page.evaluate(() => document.querySelector('script[type="importmap"]')), null);
    assert.deepEqual(page.counts(), { silentAuthorize: 1, signInPage: 0, token: 1, api: 1, redirectPage: 1 });
    const cdn = page.cdnRequests().map((path) => path.replace(/-[\w-]{8}\.js$/, '-HASH.js'));
    assert.deepEqual(cdn, ['dist/browser/sso-callout.js', 'dist/browser/msal-HASH.js']);
    assert.deepEqual(visit.problems, []);
  });

  it('signs in through a popup that the packaged redirect page closes, then shows the data', async () => {
    const visit = await page.open({ session: null });
    await visit.untilState('error');
    assert.deepEqual(page.counts(), { silentAuthorize: 1, signInPage: 0, token: 0, api: 0, redirectPage: 1 });
    const signIn = visit.page.locator('callout-get [part~="sign-in-button"]');
    const popup = visit.context.waitForEvent('page');
    await signIn.click();
    await popupClosed(popup);
    await visit.rows.first().waitFor();
    assert.equal(await visit.rows.count(), 2);
    assert.deepEqual(page.counts(), { silentAuthorize: 1, signInPage: 1, token: 1, api: 1, redirectPage: 2 });
  });

  it('serves the redirect page under the CSP hash its comment names, with no-store', async () => {
    const html = await readFile(join(packed.dir, 'dist/redirect.html'), 'utf8');
    assert.match(html, /script-src 'sha256-[\w+/=]+'/);
    assert.equal(page.redirectHeaders()['cache-control'], 'no-store');
    // The script ran under that policy: both sign-ins above completed through this page.
    assert.match(page.redirectHeaders()['content-security-policy'] ?? '', /script-src 'sha256-/);
  });
});

describe('the example apps, each built from the packed tarball by its own build', () => {
  /** @type {Awaited<ReturnType<typeof buildExampleApps>>} */
  let seconds;
  /** @type {Awaited<ReturnType<typeof startExampleApps>>} */
  let apps;

  before(async () => {
    seconds = await buildExampleApps(packed.dir);
    apps = await startExampleApps();
  });

  after(async () => {
    await apps?.stop();
  });

  const described = {
    react:
      'The React app (TSX type-checked with every element) shows the open orders with <callout-get> and with useCallout',
    vue: 'The Vue app shows the open orders with <callout-get> and with useCallout',
    angular:
      'The Angular app (built ahead of time) shows the open orders with <callout-get> and with HttpClient through calloutInterceptor',
  };
  it("The React app's TSX uses every element of the package's manifest, so its tsc run checks all their typings.", async () => {
    const manifest = JSON.parse(await readFile(join(packed.dir, 'custom-elements.json'), 'utf8'));
    /** @type {string[]} */
    const tags = manifest.modules.flatMap((/** @type {{ declarations?: { tagName?: string }[] }} */ module) =>
      (module.declarations ?? []).flatMap((declaration) =>
        declaration.tagName ? [declaration.tagName] : [],
      ),
    );
    const tsx = await readFile(new URL('../../examples/react/src/app.tsx', import.meta.url), 'utf8');
    assert.ok(tags.length >= 6, `the manifest declares ${tags.length} elements`);
    assert.deepEqual(
      tags.filter((tag) => !tsx.includes(`<${tag}`)),
      [],
      'elements examples/react/src/app.tsx does not use',
    );
  });

  for (const name of exampleApps) {
    it(`${described[name]}, after one silent sign-in and one token request.`, async (t) => {
      t.diagnostic(`npm run build took ${seconds[name]} s (the three builds ran at once)`);
      const { page, problems } = await apps.open(name);
      // Stamped copies of the framework-built data template; the template's own <li> keeps data-each.
      const stamped = page.locator('#element callout-get li:not([data-each])');
      const adapter = page.locator('#adapter li');
      await stamped.nth(1).waitFor();
      await adapter.nth(1).waitFor();
      const orders = ['WIDGET-A1 × 12', 'GEAR-B7 × 3'];
      assert.deepEqual(await stamped.allTextContents(), orders);
      assert.deepEqual(
        (await adapter.allTextContents()).map((text) => text.trim()),
        orders,
      );
      assert.match(
        await page.locator('#element h2').textContent(),
        /\(200\)/,
        'the callout-response handler ran',
      );
      assert.deepEqual(apps.counts(), {
        silentAuthorize: 1,
        signInPage: 0,
        token: 1,
        api: 2,
        redirectPage: 1,
      });
      assert.deepEqual(problems, []);
    });
  }
});
