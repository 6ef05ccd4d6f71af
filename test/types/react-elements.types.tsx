/**
 * Type test, checked by `npm run typecheck` (never run): every element in TSX with the typings
 * `sso-callout/react` ships, as an app would write it — no declarations of its own. Each
 * `@ts-expect-error` fails the typecheck if the line below it compiles.
 */
import { useRef } from 'react';
import { useCallout } from '../../adapters/react/index.js';
import type { CalloutErrorDetail, CalloutGet, CalloutResponseDetail } from '../../components/index.js';
import { type CalloutError, createCallout } from '../../src/index.js';

const callout = createCallout();

export function EveryElement() {
  const get = useRef<CalloutGet>(null);
  const orders = useCallout<{ sku: string }[]>('callout:Orders/orders', { callout });
  const error: CalloutError | undefined = orders.error;
  return (
    <>
      <callout-msal
        id="aad"
        client-id="00000000-0000-0000-0000-000000000000"
        authority="https://login.microsoftonline.com/contoso.onmicrosoft.com"
        tenant="contoso.onmicrosoft.com"
        redirect-uri="/redirect.html"
        login-hint="jane@contoso.com"
        domain-hint="contoso.com"
        sid="s"
        interaction="popup"
        scopes="openid profile"
        cache="session"
        client-capabilities="CP1"
        sign-in-page="/sign-in.html"
        shadow-mode="closed"
        msal={{ system: { iframeBridgeTimeout: 5000 } }}
        oncallout-provider-change={(event) => console.info(event.detail.provider, event.detail.problem)}
      />
      <callout-credential
        name="Orders"
        url="https://api.contoso.com/v1/"
        provider="aad"
        scopes="api://orders/Orders.Read"
        refresh-on="401 403"
        timeout="5000"
        callout={callout}
        oncallout-credential-change={(event) => console.info(event.detail.credential?.url)}
      />
      <callout-login provider="aad" oncallout-sign-in={(event) => console.info(event.detail.account)} />
      <callout-get
        ref={get}
        credential="Orders"
        path="orders?status=open"
        method="GET"
        body={{ sku: 'A1' }}
        poll={30_000}
        manual={false}
        className="orders"
        renderer={(data) => `${JSON.stringify(data)}`}
        oncallout-response={(event) => {
          const detail: CalloutResponseDetail = event.detail;
          console.info(detail.status);
        }}
        oncallout-error={(event) => {
          const detail: CalloutErrorDetail = event.detail;
          console.info(detail.view.hint);
        }}
      >
        <template slot="data">
          <ul>
            <li data-each=".">{'{{ sku }}'}</li>
          </ul>
        </template>
      </callout-get>
      <callout-log limit={500} />
      <p>{error?.hint ?? orders.data?.[0]?.sku}</p>
      {/* @ts-expect-error poll is a number of milliseconds: a string would be set as the property unconverted. */}
      <callout-get credential="Orders" poll="30000" />
      {/* @ts-expect-error manual is a boolean property. */}
      <callout-get credential="Orders" manual="yes" />
      {/* @ts-expect-error shadow-mode is open or closed. */}
      <callout-log shadow-mode="sideways" />
      {/* @ts-expect-error an event handler receives the element's event, not a string. */}
      <callout-get oncallout-response={(event: string) => event} />
      {/* @ts-expect-error a renderer returns what Lit renders, not JSX: React content goes through useCallout. */}
      <callout-get renderer={() => <b>data</b>} />
      {/* @ts-expect-error no such attribute. */}
      <callout-get credentials="Orders" />
      {/* @ts-expect-error callout takes a client, not a credential name. */}
      <callout-log callout="Orders" />
    </>
  );
}
