/**
 * Type test, checked by `npm run typecheck` (never run): the element props `sso-callout/vue`
 * gives Vue's `GlobalComponents`, which Vue's language tools use to check templates. Each
 * `@ts-expect-error` fails the typecheck if the line below it compiles.
 */
import type { GlobalComponents } from 'vue';
import { useCallout } from '../../adapters/vue/index.js';
import type { CalloutError } from '../../src/index.js';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const get: PropsOf<'callout-get'> = {
  credential: 'Orders',
  path: 'orders',
  poll: 30_000,
  manual: true,
  shadowMode: 'closed',
  onCalloutResponse: (event) => console.info(event.detail.status),
  onCalloutError: (event) => console.info(event.detail.view.hint),
};
export const msal: PropsOf<'callout-msal'> = {
  id: 'aad',
  clientId: '00000000-0000-0000-0000-000000000000',
  loginHint: 'jane@contoso.com',
  onCalloutProviderChange: (event) => console.info(event.detail.provider),
};
export const credential: PropsOf<'callout-credential'> = { name: 'Orders', refreshOn: '401 403' };
export const login: PropsOf<'callout-login'> = { provider: 'aad', onCalloutSignIn: (e) => e.detail.account };
export const log: PropsOf<'callout-log'> = { limit: 500 };

// @ts-expect-error poll is a number.
export const badPoll: PropsOf<'callout-get'> = { poll: {} };
// @ts-expect-error shadow-mode is open or closed.
export const badMode: PropsOf<'callout-log'> = { shadowMode: 'sideways' };
// @ts-expect-error an event handler receives the element's event.
export const badHandler: PropsOf<'callout-get'> = { onCalloutResponse: (event: number) => event };

export function setup() {
  const { data, error, loading, refresh } = useCallout<{ sku: string }[]>(() => 'callout:Orders/orders');
  const sku: string | undefined = data.value?.[0]?.sku;
  const failure: CalloutError | undefined = error.value;
  const busy: boolean = loading.value;
  // @ts-expect-error the returned refs are read-only.
  loading.value = false;
  return { sku, failure, busy, refresh };
}
