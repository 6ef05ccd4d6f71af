import { CalloutError, CalloutErrorCode } from '../../src/index.js';

/**
 * Reads a response body the way an element wants it: `null` for 204/205 and empty bodies, parsed
 * JSON when the content type says JSON (`application/json`, `…+json`), text otherwise. A JSON body
 * that does not parse is an `http_error` naming the request.
 */
export async function parseResponse(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return null;
  const text = await response.text();
  if (text === '') return null;
  const type = response.headers.get('content-type') ?? '';
  if (!/[/+]json\b/i.test(type)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new CalloutError({
      code: CalloutErrorCode.httpError,
      status: response.status,
      url: response.url,
      message: `The API answered ${response.status} with a body that is not valid JSON: ${response.url}`,
      hint: 'Check the API: its Content-Type says JSON but the body does not parse.',
      cause,
    });
  }
}
