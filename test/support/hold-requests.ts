import { http } from 'msw';
import type { Msw } from './msw-worker.js';

/** What {@link holdPosts} returns. */
export interface Hold {
  /** Resolves when the first held request arrives. */
  reached: Promise<void>;
  /** Lets the held requests (and later ones) go on to the handlers installed before. */
  release(): void;
}

/**
 * Holds POSTs to `url` (a token endpoint) for the running test until `release()`, so a test can
 * act while a token is on its way. Installed with `use` of {@link Msw}, in front of the emulator.
 */
export function holdPosts(use: Msw['use'], url: string): Hold {
  let arrived: () => void = () => {};
  let release: () => void = () => {};
  const reached = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  use(
    http.post(url, async () => {
      arrived();
      await released;
    }),
  );
  return { reached, release };
}

/**
 * Starts `acquire`, waits until `hold` holds its token request, runs `signOut`, then lets the
 * request go on and waits for `acquire` to settle (whether it resolves or rejects).
 */
export async function signOutWhileHeld(
  hold: Hold,
  acquire: () => Promise<unknown>,
  signOut: () => Promise<void>,
): Promise<void> {
  const settled = acquire().catch(() => {});
  await hold.reached;
  await signOut();
  hold.release();
  await settled;
}
