/**
 * The provider's `platform-broker` check for `diagnose()` (loaded with diagnose.ts): whether this
 * browser offers the device's platform broker, whether the provider has it on, and whether it has
 * answered for the account in use. Asks the broker nothing but whether it is there (MSAL's own
 * `isPlatformBrokerAvailable`, handed in): no token is requested.
 */
import { check } from '../diagnostics/diagnose/catalog.js';
import type { DiagnosisCheck } from '../diagnostics/diagnosis.js';
import type { MsalSession } from './session.js';

/** Which way this browser offers the broker: Edge's DOM API when the page has it, else the extension. */
function brokerKind(): string {
  return 'platformAuthentication' in globalThis.navigator
    ? "Edge's platform authentication DOM API"
    : 'the Windows Accounts browser extension';
}

/**
 * The `platform-broker` check of the provider of `session`: `ok` when it is on (and says whether
 * the broker answered for the account), `warn` when the browser offers a broker the provider
 * leaves off, `skip` when neither. `available` is MSAL's detection (DOM API, then extension).
 */
export async function platformBrokerCheck(
  session: MsalSession,
  provider: string,
  available: () => Promise<boolean>,
): Promise<DiagnosisCheck> {
  const extra = { provider };
  if (!session.host.opensWindows) {
    // Inside Lightning Web Security MSAL's detection talks to the window in ways the sandbox may block.
    return check('platform-broker', 'skip', 'not checked inside Lightning Web Security', extra);
  }
  // As platformBrokerEnabled says; not imported, so this lazy chunk shares no module with the page's.
  const enabled = session.configuration.system?.allowPlatformBroker === true;
  const account = session.account;
  if (enabled && account?.nativeAccountId) {
    const seen = `on; the broker answered for ${account.username}, so silent tokens for that account come from it (no hidden frame, no third-party cookie)`;
    return check('platform-broker', 'ok', seen, extra);
  }
  const found = await available().catch(() => false);
  if (enabled) {
    const seen = found
      ? `on, and this browser offers the broker through ${brokerKind()}: the first sign-in names the broker's account, later tokens come from the broker`
      : 'on, but this browser offers no platform broker (Windows with Edge, or the Windows Accounts extension): tokens come through the web flow as without the option';
    return check('platform-broker', 'ok', seen, extra);
  }
  if (found) {
    const hint =
      'Pass platformBroker: true (the platform-broker attribute) so that silent tokens come from the broker, which needs no third-party cookie.';
    const seen = `off, although this browser offers the device's platform broker through ${brokerKind()}`;
    return check('platform-broker', 'warn', seen, { ...extra, hint });
  }
  return check('platform-broker', 'skip', 'off, and this browser offers no platform broker', extra);
}
