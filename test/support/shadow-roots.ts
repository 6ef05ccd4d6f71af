/**
 * Records the shadow roots (closed ones included) created on this page while asked to, so the
 * test page, outside LWS, can look inside what sandboxed code hid there. Installed when this
 * module loads — before any sandbox exists, because a sandbox keeps calling the DOM methods that
 * were there when it was created. It only records: the roots are the browser's own.
 */
const recorders = new Set<ShadowRoot[]>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function recordingAttachShadow(
  this: Element,
  init: ShadowRootInit,
): ShadowRoot {
  const root = attachShadow.call(this, init);
  for (const roots of recorders) roots.push(root);
  return root;
};

/** Starts recording: `roots` fills with every shadow root created until `stop()`. */
export function recordShadowRoots(): { roots: ShadowRoot[]; stop(): void } {
  const roots: ShadowRoot[] = [];
  recorders.add(roots);
  return { roots, stop: () => recorders.delete(roots) };
}

/** The MSAL hidden iframes inside `roots`. */
export function msalIframesIn(roots: readonly ShadowRoot[]): HTMLIFrameElement[] {
  return roots.flatMap((root) => [...root.querySelectorAll<HTMLIFrameElement>('iframe.msalSilentIframe')]);
}
