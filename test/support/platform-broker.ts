import type { AadEmulator } from './aad-emulator.js';

/** MSAL's name for Entra ID's broker, which `getSupportedContracts` is asked about. */
const entraBrokerId = 'MicrosoftEntra';
/** The contract MSAL needs the DOM API to offer before it uses it. */
const tokenContract = 'get-token-and-sign-out';

/** How the emulated broker answers the next `executeGetToken`. */
export type BrokerAnswer =
  /** A token for the account it holds (or ACCOUNT_UNAVAILABLE for an account it does not). */
  | 'token'
  /** The broker needs the user (MFA, a new password, conditional access): USER_INTERACTION_REQUIRED. */
  | 'interaction-required'
  /** The broker lost the account (removed from Windows): ACCOUNT_UNAVAILABLE. */
  | 'account-unavailable'
  /** The broker is switched off by policy: DISABLED, after which MSAL stops using it. */
  | 'disabled'
  /** The broker fails in a way MSAL has no status for (PERSISTENT_ERROR, a WAM error number). */
  | 'failure'
  /** The user picks another account in the broker's prompt: a token for that account, under its own id. */
  | 'other-account';

/** Options of {@link installPlatformBroker}. */
export interface PlatformBrokerOptions {
  /** Usernames signed in to the device (the broker holds their sign-in). Default the emulator's session user. */
  accounts?: string[];
  /** What `getSupportedContracts('MicrosoftEntra')` lists. Default `['get-token-and-sign-out']`. */
  contracts?: string[];
}

/** One `executeGetToken` request as the page sent it (MSAL's DOM request, copied). */
export interface BrokerTokenRequest {
  accountId?: string;
  brokerId?: string;
  clientId?: string;
  authority?: string;
  scope?: string;
  redirectUri?: string;
  correlationId?: string;
}

/** The installed emulation: what it was asked, what it handed out, and its knobs. */
export interface PlatformBrokerEmulator {
  counters: { getSupportedContracts: number; executeGetToken: number };
  /** Every `executeGetToken` request, in order. */
  received: BrokerTokenRequest[];
  /** Every access and ID token the broker handed out (for leak checks). */
  issued: string[];
  /** How the next requests are answered; change it at any time. Default `token`. */
  answer: BrokerAnswer;
  /** Removes `navigator.platformAuthentication` and forgets the device's accounts at the emulator. */
  uninstall(): void;
}

/** The broker's error answer (isSuccess false) with a WAM status MSAL maps to its errors. */
function errorAnswer(status: string, code: string, description: string): Record<string, unknown> {
  return {
    isSuccess: false,
    state: '',
    error: { code, description, errorCode: '3399614467', protocolError: '', status, properties: {} },
  };
}

const answers: Record<Exclude<BrokerAnswer, 'token' | 'other-account'>, Record<string, unknown>> = {
  'interaction-required': errorAnswer(
    'USER_INTERACTION_REQUIRED',
    'interaction_required',
    'AADSTS50076: multi-factor authentication is required.',
  ),
  'account-unavailable': errorAnswer(
    'ACCOUNT_UNAVAILABLE',
    'account_unavailable',
    'The account is not on this device.',
  ),
  disabled: errorAnswer('DISABLED', 'disabled', 'The platform broker is disabled by policy.'),
  failure: errorAnswer('PERSISTENT_ERROR', 'broker_error', 'The broker could not complete the request.'),
};

/**
 * Installs an emulation of Edge's platform-broker DOM API, `navigator.platformAuthentication`, on
 * this page, backed by `aad` (call it before the MSAL provider is created: MSAL looks for the
 * broker once, in `initialize()`). As the real one:
 * - `getSupportedContracts(brokerId)` resolves with the contracts for `MicrosoftEntra`;
 * - `executeGetToken(request)` resolves with `{ isSuccess: true, accessToken, idToken, clientInfo,
 *   account: { id, userName }, scopes, expiresIn }` for an account the device holds, signed by the
 *   emulator's key (the API accepts them), or `{ isSuccess: false, error: { status, … } }`:
 *   `ACCOUNT_UNAVAILABLE` for any other account id, else as {@link PlatformBrokerEmulator.answer} says.
 * The device's accounts are also told to the emulator, whose authorize endpoint then answers a
 * request carrying `nativebroker=1` for them with the broker's `accountId`, as Entra ID does.
 */
export function installPlatformBroker(
  aad: AadEmulator,
  options: PlatformBrokerOptions = {},
): PlatformBrokerEmulator {
  const usernames = options.accounts ?? (aad.state.session ? [aad.state.session.username] : []);
  const users = usernames.map((name) => {
    const user = aad.state.users.find((u) => u.username.toLowerCase() === name.toLowerCase());
    if (!user) throw new Error(`installPlatformBroker: the emulator has no user ${name}`);
    return user;
  });
  const accountIds = new Map(users.map((user) => [`broker-account.${user.oid}`, user]));
  for (const [id, user] of accountIds) aad.state.brokerAccounts.set(user.username.toLowerCase(), id);
  const contracts = options.contracts ?? [tokenContract];
  const emulator: PlatformBrokerEmulator = {
    counters: { getSupportedContracts: 0, executeGetToken: 0 },
    received: [],
    issued: [],
    answer: 'token',
    uninstall() {
      Reflect.deleteProperty(navigator, 'platformAuthentication');
      aad.state.brokerAccounts.clear();
    },
  };
  const executeGetToken = async (request: BrokerTokenRequest): Promise<Record<string, unknown>> => {
    emulator.counters.executeGetToken++;
    emulator.received.push({ ...request });
    const held = accountIds.get(request.accountId ?? '');
    if (!held) return answers['account-unavailable'];
    const { answer } = emulator;
    if (answer !== 'token' && answer !== 'other-account') return answers[answer];
    const other = aad.state.users.find((u) => u.oid !== held.oid);
    const user = answer === 'other-account' && other ? other : held;
    const scopes = (request.scope ?? '').split(' ').filter(Boolean);
    const signed = await aad.signGrant({ clientId: request.clientId ?? '', user, scopes, strong: true });
    emulator.issued.push(signed.accessToken, signed.idToken);
    return {
      isSuccess: true,
      state: '',
      accessToken: signed.accessToken,
      idToken: signed.idToken,
      clientInfo: btoa(JSON.stringify({ uid: user.oid, utid: aad.state.tenantId })),
      account: { id: `broker-account.${user.oid}`, userName: user.username, properties: {} },
      scopes: signed.scope,
      expiresIn: signed.expiresIn,
      properties: {},
    };
  };
  Object.defineProperty(navigator, 'platformAuthentication', {
    configurable: true,
    value: {
      async getSupportedContracts(brokerId: string): Promise<string[]> {
        emulator.counters.getSupportedContracts++;
        return brokerId === entraBrokerId ? [...contracts] : [];
      },
      executeGetToken,
    },
  });
  return emulator;
}
