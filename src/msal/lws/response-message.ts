/**
 * The message the Salesforce redirect page (in MSAL's opaque-origin hidden iframe) posts to its
 * parent: `{ type, response }`, `response` being the raw `#…` or `?…` answer of Azure AD. Kept
 * free of imports so the redirect page's script stays tiny.
 */
export const lwsResponseMessageType = 'sso-callout.msal-response';

/** Answers longer than this are ignored (a real one is a few kilobytes at most). */
export const maxLwsResponseLength = 16_384;

/** The message the redirect page posts to its parent. */
export interface LwsResponseMessage {
  type: typeof lwsResponseMessageType;
  response: string;
}
