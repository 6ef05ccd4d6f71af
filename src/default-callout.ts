import { type Callout, createCallout } from './create-callout.js';
import { version } from './version.js';

/**
 * The page-global slot of the default client, shared by every copy of sso-callout loaded on the
 * page. It holds the client itself, as it always has, so copies of every version read it alike.
 */
export const defaultCalloutKey: unique symbol = Symbol.for('sso-callout') as never;

/** Beside the client: the record copies on the page share to coordinate (see {@link PageRecord}). */
const pageKey: unique symbol = Symbol.for('sso-callout/page') as never;

/**
 * What the copies of sso-callout on one page share besides the client. A contract between
 * versions: later formats may add fields, never change or remove these.
 */
interface PageRecord {
  /** Format of this record: 1, or higher for a later copy that added fields. */
  readonly format: number;
  /** The versions of the copies that have used the slot, in order, each once. */
  readonly versions: string[];
  /** Fires `change` (a plain `Event`) after any copy set another default client. */
  readonly events: EventTarget;
  /** Whether a copy has already warned that the page runs different versions. */
  warned: boolean;
  /** How many copies have used the slot (added later: a record of an older copy may lack it). */
  copies?: number;
}

type Slots = { [defaultCalloutKey]?: Callout; [pageKey]?: unknown };

/** The record this copy announced its version in (a deleted record gets a new announcement). */
let announcedIn: PageRecord | undefined;

/** Whether `value` is a record a copy of any version left (format 1 or later: fields only added). */
function isPageRecord(value: unknown): value is PageRecord {
  const record = value as Partial<PageRecord> | undefined;
  return (record?.format ?? 0) >= 1 && Array.isArray(record?.versions) && !!record?.events?.dispatchEvent;
}

/**
 * The page's shared record, created by the first copy that needs it. The first time this copy
 * reads it, the copy adds its version; when that makes two different versions, it warns once per
 * page — like Shoelace and Lit when two versions are loaded — since every copy shares one client
 * but each element follows the code of the copy that defined it.
 */
function pageRecord(): PageRecord {
  const slots = globalThis as Slots;
  const found = slots[pageKey];
  const record: PageRecord = isPageRecord(found)
    ? found
    : { format: 1, versions: [], events: new EventTarget(), warned: false };
  if (record !== found) slots[pageKey] = record;
  if (announcedIn !== record) {
    announcedIn = record;
    record.copies = (record.copies ?? 0) + 1;
    if (!record.versions.includes(version)) record.versions.push(version);
    if (record.versions.length > 1 && !record.warned) {
      record.warned = true;
      console.warn(
        `sso-callout ${record.versions.join(' and ')} are both on this page: they share one client, but each element runs its own copy's code. Load one version.`,
      );
    }
  }
  return record;
}

/**
 * Makes `callout` the page's default client, stored at `globalThis[Symbol.for('sso-callout')]` so
 * that separately bundled copies of the package (a Salesforce static resource and an app bundle)
 * find the same client, store and token. Elements with no `callout` property and no context
 * provider above them use it.
 *
 * Timing: when `callout` is not the default already, every listener of
 * {@link subscribeDefaultCallout} — in this copy and in every other copy on the page — is called
 * synchronously before this returns; mounted elements then move to the new client and run again
 * (an app may configure its client after the first render).
 *
 * The previous default client is returned, not disposed: whoever created it may still use it.
 * Dispose it when nothing does any more (`setDefaultCallout(next)?.dispose()`), including the one
 * `getDefaultCallout()` created when none was set.
 *
 * @example
 * ```ts
 * setDefaultCallout(createCallout({ providers, credentials }));
 * ```
 */
export function setDefaultCallout(callout: Callout): Callout | undefined {
  const record = pageRecord();
  const slots = globalThis as Slots;
  const previous = slots[defaultCalloutKey];
  slots[defaultCalloutKey] = callout;
  if (previous !== callout) record.events.dispatchEvent(new Event('change'));
  return previous;
}

/**
 * The page's default client. When none was set, one with no providers or credentials is created
 * and set, so elements can register providers and credentials into it declaratively; creating it
 * calls no {@link subscribeDefaultCallout} listener (nobody used another one before).
 */
export function getDefaultCallout(): Callout {
  pageRecord();
  const slots = globalThis as Slots;
  let callout = slots[defaultCalloutKey];
  if (!callout) {
    callout = createCallout();
    slots[defaultCalloutKey] = callout;
  }
  return callout;
}

/**
 * Calls `listener` after every change of the page's default client by `setDefaultCallout`, from
 * this copy of the package or any other on the page; returns the function that stops. The
 * listener reads the new client with `getDefaultCallout()`.
 */
export function subscribeDefaultCallout(listener: () => void): () => void {
  const { events } = pageRecord();
  const onChange = () => listener();
  events.addEventListener('change', onChange);
  return () => events.removeEventListener('change', onChange);
}
