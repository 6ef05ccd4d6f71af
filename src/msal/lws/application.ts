import { type Configuration, PublicClientApplication } from '@azure/msal-browser';
import type { CalloutError } from '../../diagnostics/callout-error.js';
import { withCloneFallbackChannels } from './clone-channel.js';
import { guardMsalFrame } from './frame-guard.js';
import { releaseMsalFrame } from './frame-host.js';
import { waitForFrameResponse } from './frame-response.js';

/** MSAL's default wait for the hidden iframe's answer (`system.iframeBridgeTimeout`). */
const defaultIframeTimeoutMs = 10_000;

type IframeRequest = Parameters<PublicClientApplication['waitForIframeResponse']>[1];

/**
 * A `PublicClientApplication` for code running inside Salesforce Lightning Web Security.
 *
 * - It is constructed with {@link withCloneFallbackChannels}, so MSAL's cross-tab event channel
 *   survives LWS's `DataCloneError` on accounts (their `tenantProfiles` is a `Map`).
 * - It overrides `waitForIframeResponse` (documented by MSAL as the hook subclasses may replace)
 *   to take the hidden iframe's answer from a `postMessage` of the Salesforce redirect page,
 *   matched on the iframe window and `state`, instead of MSAL's `BroadcastChannel`, which LWS's
 *   channel-name prefixing makes unreachable. MSAL calls it right after creating the iframe and
 *   before navigating it, so the wait also watches the iframe: any change to it but MSAL's own
 *   navigation ends the wait with `sign_in_tampered` (frame-guard.ts), and the closed
 *   shadow root that hid it (frame-host.ts) is removed when the wait ends.
 *
 * The iframe itself must be created without `allow-same-origin` (`withOpaqueMsalIframes`).
 */
export class LwsPublicClientApplication extends PublicClientApplication {
  readonly #iframeTimeoutMs: number;

  private constructor(configuration: Configuration) {
    super(configuration);
    this.#iframeTimeoutMs = configuration.system?.iframeBridgeTimeout ?? defaultIframeTimeoutMs;
  }

  /** Creates the application with MSAL's channels given the clone fallback (synchronously). */
  static create(configuration: Configuration): LwsPublicClientApplication {
    return withCloneFallbackChannels(() => new LwsPublicClientApplication(configuration));
  }

  protected override async waitForIframeResponse(
    iframe: HTMLIFrameElement,
    request: IframeRequest,
  ): Promise<string> {
    const tampered = new AbortController();
    const stop = guardMsalFrame(iframe, (error: CalloutError) => tampered.abort(error));
    try {
      return await waitForFrameResponse({
        frame: iframe,
        state: request.state ?? '',
        timeoutMs: this.#iframeTimeoutMs,
        correlationId: request.correlationId,
        signal: tampered.signal,
      });
    } finally {
      stop();
      releaseMsalFrame(iframe);
    }
  }
}
