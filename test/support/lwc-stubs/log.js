/**
 * What the Salesforce platform stubs saw, for the harness to count: every `loadScript` call
 * (its URL), every `<script>` it inserted, every config the `getRecord` wire adapter got, and
 * every imperative Apex call (method and parameters).
 */
export const platformLog = {
  /** @type {string[]} */
  loadScriptCalls: [],
  /** @type {string[]} */
  scriptsInserted: [],
  /** @type {{ recordId: string, fields: string[] }[]} */
  getRecordConfigs: [],
  /** @type {{ method: string, params: Record<string, unknown> }[]} */
  apexCalls: [],
};
