/**
 * What the Salesforce platform stubs saw, for the harness to count: every `loadScript` call
 * (its URL), every `<script>` it inserted, and every config the `getRecord` wire adapter got.
 */
export const platformLog = {
  /** @type {string[]} */
  loadScriptCalls: [],
  /** @type {string[]} */
  scriptsInserted: [],
  /** @type {{ recordId: string, fields: string[] }[]} */
  getRecordConfigs: [],
};
