/**
 * The version of this copy of sso-callout (the `version` of its package.json). Copies on one page
 * announce it in the page's shared slot, so a copy of another version is noticed (see
 * `getDefaultCallout`).
 */
export const version = '0.1.0';
