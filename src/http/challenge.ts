/** A parsed `WWW-Authenticate` challenge: its scheme and auth-params (names lower-cased). */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

const tokenChars = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const param = new RegExp(`^\\s*(${tokenChars})\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|(${tokenChars}))\\s*(,|$)`);
const scheme = new RegExp(`^\\s*,?\\s*(${tokenChars})(?:\\s+|$)`);

/**
 * Parses a `WWW-Authenticate` header (RFC 9110 §11.6.1): several challenges, each a scheme followed
 * by comma-separated `name=value` or `name="quoted value"` params. Token68 forms and anything
 * malformed end the parse; what was parsed so far is returned.
 *
 * @example
 * ```ts
 * parseChallenges('Bearer error="insufficient_claims", claims="eyJ…"')
 * // [{ scheme: 'bearer', params: { error: 'insufficient_claims', claims: 'eyJ…' } }]
 * ```
 */
export function parseChallenges(header: string | null): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let rest = (header ?? '').slice(0, 16_384);
  while (rest.trim() !== '') {
    const head = scheme.exec(rest);
    if (!head?.[1]) break;
    const challenge: AuthChallenge = { scheme: head[1].toLowerCase(), params: {} };
    challenges.push(challenge);
    rest = rest.slice(head[0].length);
    for (;;) {
      const match = param.exec(rest);
      if (!match?.[1]) break;
      challenge.params[match[1].toLowerCase()] =
        match[2] === undefined ? (match[3] ?? '') : match[2].replace(/\\(.)/g, '$1');
      rest = rest.slice(match[0].length);
      if (match[4] === '') {
        rest = '';
        break;
      }
      // The next item may be another challenge (`scheme param=…`) rather than a param.
      if (scheme.test(rest) && !param.test(rest)) break;
    }
  }
  return challenges;
}

/** The `Bearer` challenge of a response, if it sent one the browser lets us read. */
export function bearerChallenge(headers: Headers): AuthChallenge | undefined {
  return parseChallenges(headers.get('www-authenticate')).find((c) => c.scheme === 'bearer');
}

/**
 * Decodes the `claims` param of a claims challenge (base64 or base64url of a JSON object) into the
 * JSON string a token request takes. Returns `undefined` when it is not valid base64 JSON.
 */
export function decodeClaims(encoded: string): string | undefined {
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? json : undefined;
  } catch {
    return undefined;
  }
}
