import type { EmulatorContext } from './aad-context.js';
import { authorizeErrorParams } from './aad-dialect.js';
import { type AadError, aadErrors } from './aad-errors.js';
import { type AadUser, errorPage, html, redirectToApp, signInPage } from './aad-pages.js';

/** Redirects back to the app with `values` in the fragment (Entra's default) or as response_mode asks. */
function respond(params: URLSearchParams, values: Record<string, string>): Response {
  return redirectToApp(params, values, 'fragment');
}

function respondError(ctx: EmulatorContext, params: URLSearchParams, error: AadError): Response {
  return respond(params, authorizeErrorParams(ctx.dialect, error, ctx.host));
}

/**
 * Answers with a new single-use code for `user` (`strong`: from an interactive sign-in); with the
 * broker's account id instead when MSAL said it has the platform broker (`nativebroker=1`) and the
 * device's broker holds `user`'s sign-in, as Entra ID does.
 */
function issueCode(ctx: EmulatorContext, params: URLSearchParams, user: AadUser, strong: boolean): Response {
  const brokerAccount = ctx.state.brokerAccounts.get(user.username.toLowerCase());
  if (brokerAccount && params.get('nativebroker') === '1')
    return respond(params, { accountId: brokerAccount });
  const code = `code.${crypto.randomUUID()}`;
  const nonce = params.get('nonce');
  ctx.state.codes.set(code, {
    clientId: params.get('client_id') ?? '',
    user,
    scopes: (params.get('scope') ?? '').split(' ').filter(Boolean),
    strong,
    challenge: params.get('code_challenge') ?? '',
    redirectUri: params.get('redirect_uri') ?? '',
    ...(nonce ? { nonce } : {}),
  });
  return respond(params, {
    code,
    ...(ctx.dialect === 'aad' ? { client_info: ctx.clientInfo(user) } : {}),
    session_state: ctx.state.session?.sid ?? crypto.randomUUID(),
  });
}

/** The user signed in (and consented) interactively: start a session and answer with a code. */
function signIn(ctx: EmulatorContext, params: URLSearchParams, user: AadUser): Response {
  ctx.state.session = { username: user.username, sid: crypto.randomUUID() };
  ctx.faults.consentMissing = false;
  return issueCode(ctx, params, user, true);
}

/** `prompt=none` (the hidden iframe): answered from the emulated session, honouring `login_hint` and `sid`. */
function silentAnswer(ctx: EmulatorContext, params: URLSearchParams): Response {
  const { state, faults } = ctx;
  ctx.counters.silentAuthorize++;
  // A browser that blocks third-party cookies sends the frame's request without the session cookie.
  const session = faults.thirdPartyCookiesBlocked ? undefined : state.session;
  if (!session) return respondError(ctx, params, aadErrors.noSession);
  const forced = ctx.findUser(faults.authorizeAs ?? null);
  if (forced) return issueCode(ctx, params, forced, false);
  const sid = params.get('sid');
  if (sid && sid !== session.sid) return respondError(ctx, params, aadErrors.noSession);
  const hinted = params.get('login_hint');
  const sessionUser = ctx.findUser(session.username);
  if (!sessionUser) return respondError(ctx, params, aadErrors.noSession);
  if (hinted && ctx.findUser(hinted)?.username !== sessionUser.username) {
    return respondError(ctx, params, aadErrors.accountSelection);
  }
  if (faults.consentMissing) return respondError(ctx, params, aadErrors.consentMissing);
  if (params.get('claims') && ctx.needsInteraction(params.get('claims'))) {
    return respondError(ctx, params, aadErrors.mfaRequired);
  }
  return issueCode(ctx, params, sessionUser, false);
}

/** Any other prompt: the "pick an account" page, or at once the hinted (or first) user. */
function interactiveAnswer(ctx: EmulatorContext, url: URL): Response {
  const params = url.searchParams;
  ctx.counters.signInPage++;
  if (ctx.faults.signInDeclined) return respondError(ctx, params, aadErrors.consentDeclined);
  const hinted = ctx.findUser(ctx.faults.authorizeAs ?? params.get('login_hint'));
  const choices = hinted ? [hinted] : ctx.users;
  // A user who picks the first account at once. Answered in this same navigation: a second
  // navigation started by the popup itself would not reach MSW when the opener is hidden.
  if (ctx.state.autoSignIn && choices[0]) return signIn(ctx, params, choices[0]);
  const continueUrl = (user: AadUser): string => {
    const next = new URL(url);
    next.searchParams.set('emulator_user', user.username);
    return next.href;
  };
  return html(signInPage(choices, continueUrl));
}

/**
 * `GET <origin>/<tenant>/oauth2/v2.0/authorize` on the page's own origin, so hidden iframes and
 * popups navigate through MSW: checks client, redirect URI and PKCE, then answers `prompt=none`
 * from the emulated session and shows the "pick an account" page otherwise.
 */
export function authorizeHandler(ctx: EmulatorContext): (info: { request: Request }) => Response {
  return ({ request }) => {
    ctx.counters.authorize++;
    const url = new URL(request.url);
    const params = url.searchParams;
    ctx.received.authorize.push(new URLSearchParams(params));
    if (!ctx.clientAllowed(params.get('client_id'))) return html(errorPage(aadErrors.badClient), 400);
    if (!ctx.redirectUriAllowed(params.get('redirect_uri') ?? '')) {
      return html(errorPage(aadErrors.redirectUriMismatch), 400);
    }
    if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256') {
      return respondError(ctx, params, {
        error: 'invalid_request',
        code: 900144,
        description: 'The request must use response_type=code with a PKCE S256 code_challenge.',
      });
    }
    const picked = params.get('emulator_user');
    if (picked) {
      const user = ctx.findUser(picked);
      return user ? signIn(ctx, params, user) : html(errorPage(aadErrors.noSession), 400);
    }
    return params.get('prompt') === 'none' ? silentAnswer(ctx, params) : interactiveAnswer(ctx, url);
  };
}
