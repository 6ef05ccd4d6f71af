import type { UserManager } from 'oidc-client-ts';

/** The `name` of the error a refused redirect throws; errors.ts maps it to `redirect_not_followed`. */
export const redirectRefusedName = 'RedirectRefused';

type FetchInit = RequestInit & { timeoutInSeconds?: number };

/** What oidc-client-ts's request service (its internal `JsonService`) looks like to us. */
interface RequestService {
  fetchWithTimeout(input: string, init?: FetchInit): Promise<Response>;
}

/** Most objects {@link refuseRedirects} looks at: a `UserManager` holds a few dozen. */
const maxVisited = 2_000;

/**
 * Makes every request `manager` sends (discovery, keys, token, revocation, user info) refuse
 * redirects, as the exchange provider's do: oidc-client-ts calls `fetch` with the default
 * `redirect: 'follow'`, and a token endpoint answering 307/308 would make the browser send the
 * same body — the code and PKCE verifier, or the refresh token — to another host. Its request
 * services (oidc-client-ts's internal `JsonService`s, found by walking the manager's fields) send
 * with `redirect: 'manual'`, and a redirect answer rejects with an error named
 * {@link redirectRefusedName}. Synchronous, per manager (other oidc-client-ts users on the page
 * are untouched). Returns `false` when it found no request service, so the caller can refuse to
 * run rather than follow redirects.
 */
export function refuseRedirects(manager: UserManager): boolean {
  const seen = new Set<object>();
  const queue: unknown[] = [manager];
  let found = false;
  for (const value of queue) {
    if (typeof value !== 'object' || !value || seen.has(value) || value === globalThis) continue;
    if (seen.size > maxVisited || (typeof Node === 'function' && value instanceof Node)) continue;
    if (typeof Storage === 'function' && value instanceof Storage) continue; // The user store: strings only.
    seen.add(value);
    const service = value as Partial<RequestService>;
    if (typeof service.fetchWithTimeout === 'function') {
      patch(service as RequestService);
      found = true;
    }
    queue.push(...Object.values(value));
  }
  return found;
}

/** Sends `service`'s requests with `redirect: 'manual'` and turns a redirect answer into an error. */
function patch(service: RequestService): void {
  const send = service.fetchWithTimeout.bind(service);
  service.fetchWithTimeout = async (input, init = {}) => {
    const response = await send(input, { ...init, redirect: 'manual' });
    if (response.type !== 'opaqueredirect') return response;
    const error = new Error(`${URL.parse(input)?.host} answered with a redirect, which is not followed`);
    error.name = redirectRefusedName;
    throw error;
  };
}
