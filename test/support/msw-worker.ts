import type { RequestHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';

/** What {@link useMsw} returns. */
export interface Msw {
  /** Installs handlers for the running test (before any installed earlier); removed after it. */
  use: (...handlers: RequestHandler[]) => void;
}

/**
 * The page's one MSW worker, shared by every `useMsw()` block and every `servePage()` call of a
 * test file, and started once. Starting a second worker in the same page makes MSW call
 * `registration.update()` on the registration the first one made, without awaiting it; on a
 * loaded machine that update can fail ("Not found") as an unhandled rejection, and the file's
 * next test fails for it. Each test file runs in its own browser context, so the first start
 * always registers afresh.
 */
let pageWorker: { worker: SetupWorker; started: Promise<unknown> } | undefined;

function startPageWorker(): { worker: SetupWorker; started: Promise<unknown> } {
  if (!pageWorker) {
    const worker = setupWorker();
    pageWorker = { worker, started: worker.start({ quiet: true, onUnhandledFrame: 'bypass' }) };
  }
  return pageWorker;
}

/**
 * Makes sure the page's MSW worker runs (in a `before` hook) and removes the running test's
 * handlers after each test. Call `use(...)` inside a test to install that test's handlers.
 * Several `describe` blocks of one file may each call it: they share the one worker.
 */
export function useMsw(): Msw {
  before(async () => {
    await startPageWorker().started;
  });
  afterEach(() => {
    pageWorker?.worker.resetHandlers();
  });
  return {
    use: (...handlers) => {
      if (!pageWorker) throw new Error('useMsw(): use() was called before the worker started');
      pageWorker.worker.use(...handlers);
    },
  };
}

/**
 * Makes `handlers` the only handlers of the page's MSW worker (the scenario helpers' worker,
 * which lives as long as the page), starting it on first use.
 */
export async function servePage(...handlers: RequestHandler[]): Promise<void> {
  const { worker, started } = startPageWorker();
  await started;
  worker.resetHandlers(...handlers);
}
