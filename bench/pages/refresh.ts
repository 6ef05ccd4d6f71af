/**
 * Refresh storm: N requests sent at once all get 401 because their token was revoked. How many
 * times does each client go back to the token endpoint? Ours (the token store refreshes only the
 * rejected token, once) vs ky with a naive afterResponse refresh hook vs axios +
 * axios-auth-refresh. Both the token endpoint and the API are the bench server (real HTTP).
 */
import axios, { type InternalAxiosRequestConfig } from 'axios';
import createAuthRefreshInterceptor from 'axios-auth-refresh';
import ky from 'ky';
import { createCallout, functionProvider } from '../../src/index.js';
import { expose } from './support/expose.js';
import { fetchToken, revokeAll, serverCounters } from './support/server.js';

/** What one storm cost. */
export interface StormResult {
  /** Token endpoint requests after the revocation (the refreshes). */
  refreshes: number;
  /** API requests, first attempts and retries. */
  apiRequests: number;
  /** Calls that did not end in 200. */
  failed: number;
  ms: number;
}

type Client = (i: number) => Promise<unknown>;

const secure = `${location.origin}/secure/`;

/** Ours: one client, a functionProvider over the bench token endpoint. */
async function ours(): Promise<Client> {
  const callout = createCallout({
    providers: { bench: functionProvider(() => fetchToken()) },
    credentials: { Api: { url: secure, provider: 'bench', scopes: ['api://bench/.default'] } },
    crossTab: false,
  });
  await callout.token('Api');
  return (i) => callout(`callout:Api/items/${i}`).json();
}

/** ky with the refresh hook people write first: every 401 fetches a new token and retries. */
async function kyNaive(): Promise<Client> {
  let token = (await fetchToken()).accessToken;
  const api = ky.create({
    prefix: secure,
    retry: { limit: 1 },
    hooks: {
      beforeRequest: [
        ({ request }) => {
          request.headers.set('authorization', `Bearer ${token}`);
        },
      ],
      afterResponse: [
        async ({ request, response, retryCount }) => {
          if (response.status !== 401 || retryCount > 0) return;
          token = (await fetchToken()).accessToken;
          const headers = new Headers(request.headers);
          headers.set('authorization', `Bearer ${token}`);
          return ky.retry({ request: new Request(request, { headers }), code: 'token-rejected' });
        },
      ],
    },
  });
  return (i) => api.get(`items/${i}`).json();
}

/**
 * axios + axios-auth-refresh as its README sets it up. With `deduplicateRefresh` (the default)
 * one refresh runs and requests sent meanwhile wait, but 401s of requests already in flight are
 * rejected, not retried; with `false` they are retried too (still sharing the one refresh call).
 */
async function axiosAuthRefresh(deduplicateRefresh: boolean): Promise<Client> {
  let token = (await fetchToken()).accessToken;
  const api = axios.create({ baseURL: secure });
  api.interceptors.request.use((config) => {
    config.headers.set('authorization', `Bearer ${token}`);
    return config;
  });
  createAuthRefreshInterceptor(
    api,
    async (failed: { response: { config: InternalAxiosRequestConfig } }) => {
      token = (await fetchToken()).accessToken;
      failed.response.config.headers.set('authorization', `Bearer ${token}`);
    },
    { deduplicateRefresh },
  );
  return (i) => api.get(`items/${i}`);
}

const clients: Record<string, () => Promise<Client>> = {
  ours,
  'ky-naive': kyNaive,
  'axios-auth-refresh': () => axiosAuthRefresh(true),
  'axios-auth-refresh-no-dedup': () => axiosAuthRefresh(false),
};

/** Runs one storm of `n` concurrent calls with `client` (a key of `clients`). */
async function storm({ client, n }: { client: string; n: number }): Promise<StormResult> {
  const make = clients[client];
  if (!make) throw new Error(`unknown client ${client}`);
  const call = await make();
  await revokeAll();
  await serverCounters(true);
  const started = performance.now();
  const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => call(i)));
  const ms = performance.now() - started;
  const counters = await serverCounters(true);
  return {
    refreshes: counters.token,
    apiRequests: counters.api,
    failed: settled.filter((s) => s.status === 'rejected').length,
    ms,
  };
}

expose({ storm });
