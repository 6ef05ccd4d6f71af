/** What the bench server counted since the last reset. */
export interface ServerCounters {
  token: number;
  api: number;
}

/** Reads (and, with `reset`, zeroes) the bench server's counters. */
export async function serverCounters(reset = false): Promise<ServerCounters> {
  const response = await fetch(`/counters${reset ? '?reset' : ''}`);
  return (await response.json()) as ServerCounters;
}

/** Asks the bench server's token endpoint for a new opaque token. */
export async function fetchToken(
  lifetimeSeconds = 3600,
): Promise<{ accessToken: string; expiresOn: number }> {
  const response = await fetch(`/token?lifetime=${lifetimeSeconds}`, { method: 'POST' });
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return { accessToken: body.access_token, expiresOn: Date.now() + body.expires_in * 1000 };
}

/** Makes the bench API reject every token issued so far. */
export async function revokeAll(): Promise<void> {
  await fetch('/revoke', { method: 'POST' });
}
