/**
 * What the page can know about Chrome's Local Network Access (LNA, Chrome 142+): a frame whose
 * document is on a *public* address may not navigate to a *local* (private network) or
 * *loopback* address unless it was granted the permission — and MSAL's hidden sign-in frame
 * never is. So when the identity provider (public) redirects the hidden frame to the app's
 * redirect page on a private address or localhost, the navigation is blocked and silent sign-in
 * times out. A page cannot see addresses, only host names, so this reads what the name tells:
 * IP literals, `localhost`, `.local` and single-label (intranet) names; any other name is
 * `undefined` (its address is unknown here).
 */

import type { Configuration } from '@azure/msal-browser';

/** The address spaces of LNA, from the most public. */
export type AddressSpace = 'public' | 'local' | 'loopback';

const privateIpv4 = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.)/;
const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The address space `hostname` is certainly in, or `undefined` when its name does not tell. */
export function addressSpaceOf(hostname: string): AddressSpace | undefined {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '::1')
    return 'loopback';
  const ipv6 = host.includes(':');
  if (privateIpv4.test(host) || (ipv6 && /^(f[cd]|fe80:)/.test(host)) || host.endsWith('.local'))
    return 'local';
  if (!host.includes('.') && !ipv6) return 'local';
  if (ipv4.test(host) || ipv6) return 'public';
  return undefined;
}

const order: Record<AddressSpace, number> = { public: 0, local: 1, loopback: 2 };

/**
 * Whether Local Network Access stands between the identity provider's page at `from` and the
 * redirect page at `to`: `to` is certainly more private than `from` (a provider host whose name
 * does not tell is taken as public, as identity providers are). `undefined` when `to`'s name does
 * not tell.
 */
export function crossesIntoLocalNetwork(from: string, to: string): boolean | undefined {
  const target = addressSpaceOf(to);
  if (target === undefined) return undefined;
  return order[target] > order[addressSpaceOf(from) ?? 'public'];
}

/**
 * Whether this browser enforces Local Network Access: it knows one of the LNA permission names
 * (Chrome 142 `local-network-access`, later `loopback-network` / `local-network`). Browsers that
 * do not reject the query.
 */
export async function browserHasLocalNetworkAccess(): Promise<boolean> {
  for (const name of ['loopback-network', 'local-network', 'local-network-access']) {
    try {
      await navigator.permissions.query({ name: name as PermissionName });
      return true;
    } catch {
      // Not a permission this browser knows.
    }
  }
  return false;
}

/** Where the hidden frame goes first: the metadata's authorization endpoint, else the authority. */
export function authorizeUrl(configuration: Configuration): URL {
  const { authority, authorityMetadata } = configuration.auth;
  try {
    const endpoint = (JSON.parse(authorityMetadata ?? '{}') as { authorization_endpoint?: unknown })
      .authorization_endpoint;
    if (typeof endpoint === 'string') return new URL(endpoint);
  } catch {
    // MSAL reports malformed metadata itself.
  }
  return new URL(authority ?? 'https://login.microsoftonline.com/common');
}
