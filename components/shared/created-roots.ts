/** Called with each shadow root a `callout-*` element of this copy creates. */
type RootListener = (root: ShadowRoot) => void;

let listener: RootListener | undefined;

/**
 * Sets the one listener told about every shadow root this copy's elements create from now on
 * (the autoloader of `sso-callout/define`, which watches them for `callout-*` elements rendered
 * inside). Roots created before the listener was set are not reported. Returns a function that
 * removes the listener.
 */
export function onCreatedRoot(next: RootListener): () => void {
  listener = next;
  return () => {
    if (listener === next) listener = undefined;
  };
}

/** Reports `root`, just created by a `callout-*` element, to the listener (if any), synchronously. */
export function reportCreatedRoot(root: ShadowRoot): void {
  listener?.(root);
}
