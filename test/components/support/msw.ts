import type { RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';

/**
 * One MSW worker per test file, started before the first test; each test installs its own
 * handlers with `use(...)`, and they are removed after it.
 */
export function useApi(): { use: (...handlers: RequestHandler[]) => void } {
  const worker = setupWorker();
  before(async () => {
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());
  return { use: (...handlers) => worker.use(...handlers) };
}
