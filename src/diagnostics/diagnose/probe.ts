/** What every network probe of `diagnose()` shares: its time limit and the caller's signal. */
export interface ProbeContext {
  /** Milliseconds each probe may take. */
  readonly timeout: number;
  /** The caller's signal: when it aborts, the probes stop and `diagnose()` rejects. */
  readonly signal: AbortSignal;
}

/** A probe that got no answer: why, in words, and whether it ran out of time. */
export interface ProbeFailure {
  readonly failed: true;
  readonly timedOut: boolean;
  readonly message: string;
}

/**
 * `fetch` for a probe: never follows redirects (a redirect is something to report, and is where a
 * real call would stop), never sends cookies, never uses the HTTP cache, gives up after
 * `context.timeout`. Resolves with the response or a {@link ProbeFailure}; rejects only when the
 * caller's signal aborts.
 */
export async function probe(
  url: string,
  init: RequestInit,
  context: ProbeContext,
): Promise<Response | ProbeFailure> {
  const timer = AbortSignal.timeout(context.timeout);
  try {
    return await fetch(url, {
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      ...init,
      signal: AbortSignal.any([context.signal, timer]),
    });
  } catch (error) {
    context.signal.throwIfAborted();
    const timedOut = timer.aborted;
    return {
      failed: true,
      timedOut,
      message: timedOut
        ? `no answer within ${context.timeout} ms`
        : String((error as Error)?.message ?? error),
    };
  }
}

/** Whether a probe got no answer. */
export function isFailure(value: Response | ProbeFailure): value is ProbeFailure {
  return 'failed' in value;
}

/** Lets events the browser queued during the probes (CSP violations) arrive before they are read. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
