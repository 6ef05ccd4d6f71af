/** The page's clock, moved forward on demand (see {@link moveClock}). */
export interface MovedClock {
  /** Moves the clock `seconds` forward, at once: nothing waits. */
  advance(seconds: number): void;
  /** Puts the real `Date` back. */
  restore(): void;
}

/**
 * Makes hours pass on the page without waiting: replaces the global `Date` with one whose
 * `Date.now()` and `new Date()` (no arguments) answer the real time plus an offset that
 * {@link MovedClock.advance} grows. MSAL's cache expiry (access and refresh tokens, each renewed
 * 300 s early), the token store, the emulators' token lifetimes and the API's `exp` check all
 * read it, so they see the same time pass. Timers and `performance.now()` are untouched. Install
 * it before creating the clients that should see it (the token store keeps the `Date.now` it was
 * created with).
 */
export function moveClock(): MovedClock {
  const RealDate = globalThis.Date;
  let offset = 0;
  const now = (): number => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object,
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
  });
  return {
    advance(seconds) {
      offset += seconds * 1000;
    },
    restore() {
      globalThis.Date = RealDate;
    },
  };
}
