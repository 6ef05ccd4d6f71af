import { platformLog } from './log.js';

/**
 * Stub of an imperative Apex method (`import m from '@salesforce/apex/Class.method'`): POSTs the
 * parameters to `/__apex/<Class.method>`, which the test answers (MSW), as Lightning sends an
 * Apex action to the org. Resolves with the method's return value (the JSON answer). A non-2xx
 * answer rejects the way Lightning rejects a failed Apex call: with a plain object
 * `{ status, body: { message, exceptionType, isUserDefinedException } }` (an
 * `AuraHandledException`'s message is `body.message`), not an `Error`.
 * @param {string} method `Class.method`
 * @param {Record<string, unknown>} [params]
 * @returns {Promise<unknown>}
 */
export async function callApex(method, params = {}) {
  platformLog.apexCalls.push({ method, params: JSON.parse(JSON.stringify(params)) });
  const response = await fetch(`/__apex/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = await response.json().catch(() => ({ message: `answer ${response.status} is not JSON` }));
  if (response.ok) return body;
  throw {
    status: response.status,
    body: {
      message: typeof body?.message === 'string' ? body.message : 'Script-thrown exception',
      exceptionType: body?.exceptionType ?? 'System.AuraHandledException',
      isUserDefinedException: body?.isUserDefinedException ?? true,
    },
  };
}
