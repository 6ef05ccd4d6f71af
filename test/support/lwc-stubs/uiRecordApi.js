import { platformLog } from './log.js';

/** The current user as the stub's `getRecord` returns it: both login hint fields differ. */
export const stubUser = {
  FederationIdentifier: 'jane@contoso.com',
  Email: 'jane.doe@mail.contoso.test',
};

/**
 * Stub of the `getRecord` wire adapter of `lightning/uiRecordApi`: on each config it emits, in a
 * later microtask (as Lightning Data Service answers asynchronously), a User record holding the
 * requested fields of {@link stubUser}, shaped like LDS's record representation.
 */
export class getRecord {
  /** @param {(value: { data?: unknown, error?: unknown }) => void} dataCallback */
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  /** @param {{ recordId: string, fields: { objectApiName: string, fieldApiName: string }[] }} config */
  update(config) {
    const fields = config.fields.map((field) => field.fieldApiName);
    platformLog.getRecordConfigs.push({ recordId: config.recordId, fields });
    const record = {
      apiName: 'User',
      id: config.recordId,
      fields: Object.fromEntries(
        fields.map((name) => {
          const value = stubUser[/** @type {keyof typeof stubUser} */ (name)] ?? null;
          return [name, { value, displayValue: null }];
        }),
      ),
    };
    queueMicrotask(() => this.dataCallback({ data: record, error: undefined }));
  }

  connect() {}

  disconnect() {}
}

/**
 * `getFieldValue` of `lightning/uiRecordApi`: the value of `field` in an LDS record.
 * @param {{ fields: Record<string, { value: unknown }> } | undefined} record
 * @param {{ fieldApiName: string }} field
 */
export function getFieldValue(record, field) {
  return record?.fields[field.fieldApiName]?.value;
}
