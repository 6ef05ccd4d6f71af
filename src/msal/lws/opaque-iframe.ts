/**
 * LWS behaviour answered here: with LWS's feature gates, an `<iframe>` created in the sandbox
 * gets `sandbox="allow-scripts"` (an opaque origin) and **setting** `sandbox` to a value with
 * `allow-same-origin` throws. MSAL's hidden iframe for silent SSO is created with
 * `sandbox="allow-scripts allow-same-origin allow-forms"`, so `ssoSilent` fails at once.
 *
 * The fix drops `allow-same-origin` from MSAL's iframe only: the iframe then runs the redirect
 * page with an opaque origin (least privilege: it cannot read the org's storage, cookies or DOM),
 * and the answer comes back by `postMessage` (see `frame-response.ts`). Without the gates the
 * attribute would be accepted, but the iframe is stripped all the same so both modes take the
 * same, tested path.
 *
 * While the wrapper is installed, MSAL's `document.body.appendChild(iframe)` puts its iframe into
 * a closed shadow root of ours instead (`frame-host.ts`), out of other namespaces' reach.
 */
import { hideMsalFrame } from './frame-host.js';

/** The class MSAL gives its hidden iframe (`SilentHandler.createHiddenIframe`). */
const msalIframeClass = 'msalSilentIframe';

type CreateElement = Document['createElement'];

let active = 0;
let original: CreateElement | undefined;
/** The `<body>` given an own `appendChild` while installed. */
let body: HTMLElement | undefined;
/** Iframes created through the wrapper: only these are ever hidden. */
const created = new WeakSet<HTMLIFrameElement>();

/**
 * Runs `call` while `document.createElement('iframe')` returns iframes whose `sandbox`
 * attribute, **if** the iframe carries MSAL's class, is set without `allow-same-origin`, and
 * while `document.body.appendChild` puts such an iframe into a closed shadow root of its own
 * (`hideMsalFrame`). Every other element and every other iframe behaves exactly as before (the
 * wrappers delegate). The wrappers are own properties of `document` and `document.body` — under
 * LWS visible to this namespace's sandbox only — installed when the first concurrent call starts
 * and removed when the last one settles: they never outlive our own MSAL calls.
 */
export async function withOpaqueMsalIframes<T>(call: () => Promise<T>): Promise<T> {
  install();
  try {
    return await call();
  } finally {
    uninstall();
  }
}

function install(): void {
  active++;
  if (active > 1) return;
  const create: CreateElement = document.createElement;
  original = create;
  const wrapped = function (this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    const element = create.call(this, tagName, options);
    if (element instanceof HTMLIFrameElement) {
      created.add(element);
      stripSameOriginFromMsalFrame(element);
    }
    return element;
  };
  Object.defineProperty(document, 'createElement', { value: wrapped, configurable: true, writable: true });
  hideMsalFramesAppendedTo(document.body);
}

function hideMsalFramesAppendedTo(target: HTMLElement | null): void {
  if (!target) return;
  body = target;
  const append = target.appendChild;
  const connect = (node: Node): void => {
    append.call(target, node);
  };
  Object.defineProperty(target, 'appendChild', {
    configurable: true,
    writable: true,
    value<T extends Node>(this: Node, node: T): T {
      if (
        node instanceof HTMLIFrameElement &&
        created.has(node) &&
        node.classList.contains(msalIframeClass)
      ) {
        hideMsalFrame(node, connect);
        return node;
      }
      return append.call(this, node) as T;
    },
  });
}

function uninstall(): void {
  active--;
  if (active > 0) return;
  // The own properties shadow the prototypes' methods; deleting them restores the originals.
  Reflect.deleteProperty(document, 'createElement');
  if (body) Reflect.deleteProperty(body, 'appendChild');
  original = undefined;
  body = undefined;
}

function stripSameOriginFromMsalFrame(frame: HTMLIFrameElement): void {
  const setAttribute = frame.setAttribute;
  Object.defineProperty(frame, 'setAttribute', {
    configurable: true,
    writable: true,
    value(name: string, value: string): void {
      if (name.toLowerCase() === 'sandbox' && frame.classList.contains(msalIframeClass)) {
        const tokens = value.split(/\s+/).filter((token) => token && token !== 'allow-same-origin');
        setAttribute.call(frame, name, tokens.join(' '));
        return;
      }
      setAttribute.call(frame, name, value);
    },
  });
}

/** Whether the wrapper is installed now (for tests: it must not outlive the call). */
export function opaqueIframesActive(): boolean {
  return original !== undefined;
}
