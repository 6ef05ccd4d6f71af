/** The body of a name, without anchors: for patterns that embed a name (`callout:Name/…`). */
export const nameSource = '[A-Za-z][A-Za-z0-9_-]{0,79}';

/**
 * The rule for credential and provider names: a letter, then letters, digits, `_` or `-`, 80
 * characters at most — what Salesforce allows for named credentials, plus `-`. The one copy of
 * the rule: registries, the `callout:` resolver and elements all use it.
 */
export const namePattern: RegExp = new RegExp(`^${nameSource}$`);

/** Whether `value` is a string that follows {@link namePattern}. */
export function isValidName(value: unknown): value is string {
  return typeof value === 'string' && namePattern.test(value);
}
