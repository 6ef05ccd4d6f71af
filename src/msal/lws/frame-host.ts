/**
 * LWS behaviour answered here: every namespace on a Lightning page shares `document.body`, so a
 * component of another namespace can find MSAL's hidden iframe there (`iframe.msalSilentIframe`)
 * by polling the DOM, read `state`, `nonce` and the PKCE challenge from its `src`, and re-navigate
 * it. A **closed** shadow root created by our sandbox is out of its reach (verified in the real
 * sandbox, gated and ungated): `querySelector` does not enter it, `host.shadowRoot` is `null`,
 * and the sandbox's `window.frames` does not list the frame. So MSAL's iframe is put into a
 * closed shadow root of a host element of ours instead of `document.body`, and never touches
 * `<body>` itself — not even for a moment an ungated namespace could catch with a
 * MutationObserver on `<body>`.
 */

const hosts = new WeakMap<HTMLIFrameElement, HTMLElement>();

/**
 * Inserts `frame` into a closed shadow root of a new, empty host element and connects the host
 * with `connect` (the real `document.body.appendChild`). The frame has no `src` yet (MSAL
 * navigates it afterwards), so moving it costs nothing. If the browser refuses the shadow root,
 * the frame is connected as MSAL would have done it. Returns `frame`, as `appendChild` does.
 */
export function hideMsalFrame(frame: HTMLIFrameElement, connect: (node: Node) => void): HTMLIFrameElement {
  const host = document.createElement('div');
  let root: ShadowRoot;
  try {
    root = host.attachShadow({ mode: 'closed' });
  } catch {
    connect(frame);
    return frame;
  }
  host.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden;border:0';
  root.appendChild(frame);
  connect(host);
  hosts.set(frame, host);
  return frame;
}

/**
 * Removes the host of a frame {@link hideMsalFrame} hid (MSAL only removes its iframe from
 * `document.body`, where it no longer is). Does nothing for any other frame.
 */
export function releaseMsalFrame(frame: HTMLIFrameElement): void {
  const host = hosts.get(frame);
  if (!host) return;
  hosts.delete(frame);
  host.remove();
}

/** Whether `frame` is hidden in a host right now (for tests). */
export function msalFrameHidden(frame: HTMLIFrameElement): boolean {
  return hosts.has(frame);
}
