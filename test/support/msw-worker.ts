import type { RequestHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';

/** What {@link useMsw} returns. */
export interface Msw {
  /** Installs handlers for the running test (before any installed earlier); removed after it. */
  use: (...handlers: RequestHandler[]) => void;
}

/**
 * Starts one MSW worker for the current test file (in a root `before` hook) and resets its
 * handlers after each test. Call `use(...)` inside a test to install that test's handlers.
 */
export function useMsw(): Msw {
  const worker = setupWorker();
  before(async () => {
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  });
  afterEach(() => {
    worker.resetHandlers();
  });
  after(() => {
    worker.stop();
  });
  return { use: (...handlers) => worker.use(...handlers) };
}

/** The worker {@link servePage} shares between all the scenarios of a page. */
let pageWorker: SetupWorker | undefined;

/**
 * Makes `handlers` the only handlers of the page's shared MSW worker (the scenario helpers' worker,
 * which lives as long as the page), starting it on first use.
 */
export async function servePage(...handlers: RequestHandler[]): Promise<void> {
  if (pageWorker) {
    pageWorker.resetHandlers(...handlers);
    return;
  }
  pageWorker = setupWorker(...handlers);
  await pageWorker.start({ quiet: true, onUnhandledFrame: 'bypass' });
}
