/**
 * Script of the static resource's `sign-in.html` (outside LWS, on the org's origin): signs the
 * user in with MSAL by a top-level redirect and hands the result back to the sandboxed
 * components. See `src/providers/msal-lws-sign-in-page.ts`.
 */
import { runSignInPage } from '../src/providers/msal-lws-sign-in-page.js';

const status = document.getElementById('status');
void runSignInPage().then((outcome) => {
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
