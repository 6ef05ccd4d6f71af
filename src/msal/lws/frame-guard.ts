/**
 * LWS behaviour answered here: another namespace that gets hold of MSAL's hidden iframe can
 * re-navigate it with `setAttribute('src', …)` (LWS blocks `frame.src =` and `srcdoc` from
 * another namespace, not `setAttribute`) to the org's redirect page with an answer of its own and
 * the request's `state`; the answer then comes from the right window with the right state. The
 * frame's own attributes, though, can be observed by the sandbox that created it (LWS forbids
 * observing `<body>`, not an element of one's own): MSAL sets `src` exactly once, so any other
 * change while the answer is awaited means someone else touched the frame.
 *
 * Navigating the frame's window (`contentWindow.location`) changes no attribute and is not seen
 * here: the account check (../account-check.ts) refuses what such an answer signs in.
 */
import { CalloutError } from '../../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../../diagnostics/error-codes.js';

/**
 * Watches `frame`'s attributes from now on (call it before MSAL navigates the frame) and calls
 * `onTampered` once, with a `sign_in_tampered` {@link CalloutError}, at the first change that is
 * not MSAL's single navigation (`src` set while it had none): a second `src`, or any other
 * attribute. The callback runs as a microtask after the change, long before a page loaded by a
 * re-navigation can answer. Returns a function that stops watching.
 */
export function guardMsalFrame(
  frame: HTMLIFrameElement,
  onTampered: (error: CalloutError) => void,
): () => void {
  let navigated = false;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const name = record.attributeName ?? '';
      if (name === 'src' && !navigated && record.oldValue === null) {
        navigated = true;
        continue;
      }
      observer.disconnect();
      onTampered(
        new CalloutError({
          code: CalloutErrorCode.signInTampered,
          message: `The hidden sign-in frame's ${name} attribute was changed while silent sign-in waited for Azure AD's answer, which was not used`,
        }),
      );
      return;
    }
  });
  observer.observe(frame, { attributes: true, attributeOldValue: true });
  return () => observer.disconnect();
}
