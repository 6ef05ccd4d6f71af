/** How the demo runs: against the in-page emulators, or a real tenant and API. */
export type DemoConfig =
  | { mode: 'offline' }
  | {
      mode: 'real';
      clientId: string;
      authority: string;
      apiUrl: string;
      scopes: string;
      loginHint: string | undefined;
    };

/**
 * Reads `demo/.env.local` (through Vite's `import.meta.env`). With `VITE_CALLOUT_CLIENT_ID` set,
 * the demo talks to real Azure AD and a real API and every other variable is required; without
 * it, the demo is offline. A missing variable is an error naming it, shown on the page.
 */
export function readDemoConfig(env: Record<string, string | undefined>): DemoConfig {
  const clientId = env.VITE_CALLOUT_CLIENT_ID?.trim();
  if (!clientId) return { mode: 'offline' };
  const need = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`${name} is not set in demo/.env.local (see demo/.env.example)`);
    return value;
  };
  return {
    mode: 'real',
    clientId,
    authority: need('VITE_CALLOUT_AUTHORITY'),
    apiUrl: need('VITE_CALLOUT_API_URL'),
    scopes: need('VITE_CALLOUT_SCOPES'),
    loginHint: env.VITE_CALLOUT_LOGIN_HINT?.trim() || undefined,
  };
}
