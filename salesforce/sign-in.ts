/**
 * Script of the static resource's `sign-in.html` (outside LWS, on the org's origin): signs the
 * user in with MSAL by a top-level redirect and hands the result back to the sandboxed
 * components. See `src/msal/lws/sign-in-page.ts`.
 *
 * Its identity-provider settings are baked in by the build (`salesforce/bundle.mjs` replaces the
 * placeholder below with the JSON text of the admin's settings file): they never come from the
 * page's URL or storage.
 */
import { runSignInPage } from '../src/msal/lws/sign-in-page.js';

/** The build's settings as JSON text (the placeholder means: built without settings). */
const config = '__SSO_CALLOUT_SIGN_IN_CONFIG__';

const status = document.getElementById('status');
void runSignInPage({ config }).then((outcome) => {
  if (!status) return;
  if (outcome.state === 'signed-in') {
    status.textContent = `Signed in as ${outcome.username}. You can close this tab and go back to Salesforce.`;
    document.body.dataset.state = 'signed-in';
    window.close();
  } else if (outcome.state === 'failed') {
    status.textContent = `Sign-in did not complete: ${outcome.message}`;
    document.body.dataset.state = 'failed';
  }
});
