/**
 * Fields an underlying error may keep in its safe copy when they are strings, numbers or booleans:
 * what support and hints need (MSAL's `errorCode`, `subError`, `errorNo`, `correlationId`,
 * `traceId`, `timestamp`; a `status`; a nested `CalloutError`'s `code` and `hint`), never objects.
 */
const keptFields = 'code hint status errorCode subError errorNo correlationId traceId timestamp'.split(' ');

/** Copies made by {@link safeCause}: a `CalloutError` keeps these as they are. */
const safeCopies = new WeakSet<object>();

/**
 * Replaces every occurrence of each secret (of at least 8 characters) in `text` with
 * `[redacted]`. Used on messages and response bodies of a failed call with the tokens it sent,
 * in case an API or a parser echoes one back.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 8) result = result.split(secret).join('[redacted]');
  return result;
}

/**
 * A frozen, token-free copy of an underlying error, for `CalloutError.cause`: an `Error` with the
 * original's `name`, `message` and `stack`, the primitive fields listed above, and its own `cause`
 * copied the same way (at most four links deep). Nothing else crosses: no ky `request`, `options`
 * or `response`, no `Headers`, no MSAL response object, no provider state — any of which may hold
 * an `Authorization` header or a token. Strings are capped at 2,000 characters and `secrets` are
 * redacted from them. A copy made here is returned as it is. Synchronous.
 */
export function safeCause(value: unknown, secrets: readonly string[] = [], depth = 0): Error | undefined {
  if (value == null) return undefined;
  if (safeCopies.has(value as object)) return value as Error;
  const text = (raw: unknown) => redact(String(raw).slice(0, 2_000), secrets);
  const isObject = typeof value === 'object' || typeof value === 'function';
  const source = (isObject ? value : {}) as Record<string, unknown>;
  const read = (key: string): unknown => {
    try {
      return source[key];
    } catch {
      return undefined; // A throwing getter or proxy reads as nothing.
    }
  };
  const message = isObject ? read('message') : String(value);
  const copy = new Error(text(typeof message === 'string' ? message : Object.prototype.toString.call(value)));
  const name = read('name');
  copy.name = typeof name === 'string' && name !== '' ? text(name) : 'Error';
  const stack = read('stack');
  copy.stack = typeof stack === 'string' ? text(stack) : `${copy.name}: ${copy.message}`;
  for (const field of keptFields) {
    const kept = read(field);
    if (typeof kept === 'string') (copy as unknown as Record<string, unknown>)[field] = text(kept);
    else if (typeof kept === 'number' || typeof kept === 'boolean')
      (copy as unknown as Record<string, unknown>)[field] = kept;
  }
  const inner = depth < 4 ? read('cause') : undefined;
  const cause = inner === value ? undefined : safeCause(inner, secrets, depth + 1);
  if (cause) Object.defineProperty(copy, 'cause', { value: cause });
  safeCopies.add(copy);
  return Object.freeze(copy);
}
