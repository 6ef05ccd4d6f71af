/**
 * Appends `count` `<callout-get>` elements to `host` and resolves when every one of them has
 * fired `callout-response` or `callout-error`, or after `timeoutMs`.
 */
export function mountCalloutGets(
  host: HTMLElement,
  count: number,
  configure: (element: HTMLElement, index: number) => void,
  timeoutMs: number,
): Promise<{ ok: number; failed: number; timedOut: boolean }> {
  return new Promise((resolve) => {
    let ok = 0;
    let failed = 0;
    const done = (timedOut: boolean) => {
      host.removeEventListener('callout-response', onResponse);
      host.removeEventListener('callout-error', onError);
      clearTimeout(timer);
      resolve({ ok, failed, timedOut });
    };
    const check = () => {
      if (ok + failed >= count) done(false);
    };
    const onResponse = () => {
      ok++;
      check();
    };
    const onError = () => {
      failed++;
      check();
    };
    const timer = setTimeout(() => done(true), timeoutMs);
    host.addEventListener('callout-response', onResponse);
    host.addEventListener('callout-error', onError);
    for (let i = 0; i < Math.min(count, 10_000); i++) {
      const element = document.createElement('callout-get');
      configure(element, i);
      host.append(element);
    }
  });
}

/** Settles every promise, or gives up after `timeoutMs`. */
export async function settleAll(
  tasks: Promise<unknown>[],
  timeoutMs: number,
): Promise<{ ok: number; failed: number; timedOut: boolean }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const settled = await Promise.race([Promise.allSettled(tasks), timeout]);
  clearTimeout(timer);
  if (settled === 'timeout') return { ok: 0, failed: 0, timedOut: true };
  const ok = settled.filter((s) => s.status === 'fulfilled').length;
  return { ok, failed: settled.length - ok, timedOut: false };
}
