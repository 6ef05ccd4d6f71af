/**
 * Fields an underlying error may keep in its safe copy: what support and hints need (codes,
 * AADSTS numbers, correlation ids, statuses), never objects. MSAL's `errorCode`, `subError`,
 * `errorNo`, `correlationId`, `traceId` and `timestamp`, ky's and fetch's `name` and `message`.
 */
const keptFields = [
  'code',
  'hint',
  'status',
  'errorCode',
  'subError',
  'errorNo',
  'correlationId',
  'traceId',
  'timestamp',
] as const;

/** How deep a `cause` chain is copied; deeper links are dropped. */
const maxDepth = 4;
/** Longest string kept from an underlying error. */
const maxLength = 2_000;
/** Shortest string treated as a secret to redact: shorter ones are not real tokens. */
const minSecretLength = 8;

/** Copies made by {@link safeCause}: a `CalloutError` keeps these as they are. */
const safeCopies = new WeakSet<object>();

/** Whether `value` is a copy made by {@link safeCause}. */
export function isSafeCause(value: unknown): boolean {
  return typeof value === 'object' && value !== null && safeCopies.has(value);
}

/**
 * Replaces every occurrence of each secret (of at least 8 characters) in `text` with
 * `[redacted]`. Used on messages and response bodies of a failed call with the tokens it sent,
 * in case an API or a parser echoes one back.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= minSecretLength && result.includes(secret)) {
      result = result.split(secret).join('[redacted]');
    }
  }
  return result;
}

/**
 * A frozen, token-free copy of an underlying error, for `CalloutError.cause`: an `Error` with the
 * original's `name`, `message` and `stack`, the primitive fields listed above, and its own `cause`
 * copied the same way (at most four links deep). Nothing else crosses: no ky `request`,
 * `options` or `response`, no `Headers`, no MSAL response object, no provider state — any of
 * which may hold an `Authorization` header or a token. Strings are capped at 2,000 characters and
 * `secrets` are redacted from them. Runs synchronously when the `CalloutError` is created.
 */
export function safeCause(value: unknown, secrets: readonly string[] = [], depth = 0): Error | undefined {
  if (value === undefined || value === null) return undefined;
  if (isSafeCause(value)) return value as Error;
  const text = (raw: unknown) => redact(String(raw).slice(0, maxLength), secrets);
  const source = typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  const message = read(() =>
    typeof value === 'string' ? value : typeof source?.message === 'string' ? source.message : undefined,
  );
  const copy = new Error(text(message ?? describe(value)));
  const name = read(() => source?.name);
  copy.name = typeof name === 'string' && name !== '' ? text(name) : 'Error';
  const stack = read(() => source?.stack);
  copy.stack = typeof stack === 'string' ? text(stack) : `${copy.name}: ${copy.message}`;
  const target = copy as unknown as Record<string, unknown>;
  for (const field of keptFields) {
    const field_ = read(() => source?.[field]);
    if (typeof field_ === 'number' || typeof field_ === 'boolean') target[field] = field_;
    else if (typeof field_ === 'string') target[field] = text(field_);
  }
  const inner = depth < maxDepth ? read(() => source?.cause) : undefined;
  if (inner !== undefined && inner !== value) {
    const cause = safeCause(inner, secrets, depth + 1);
    if (cause) Object.defineProperty(copy, 'cause', { value: cause, enumerable: false });
  }
  safeCopies.add(copy);
  return Object.freeze(copy);
}

/** A name for a value that is not an error: `[object Object]`, a number, `Symbol(x)` … */
function describe(value: unknown): string {
  if (typeof value === 'object' || typeof value === 'function') return Object.prototype.toString.call(value);
  return String(value);
}

/** Reads a property of a foreign object; a throwing getter or proxy reads as `undefined`. */
function read<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
