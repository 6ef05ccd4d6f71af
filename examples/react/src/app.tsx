import { useState } from 'react';
import { useCallout } from 'sso-callout/react';
import { config } from './config';

interface Order {
  id: number;
  sku: string;
  quantity: number;
}

const openOrders = 'orders?status=open';

/** Open orders twice: rendered by `<callout-get>` with a data template, and by `useCallout`. */
export function App() {
  const { data, error, loading, refresh } = useCallout<Order[]>(`callout:Orders/${openOrders}`);
  const [status, setStatus] = useState<number>();
  return (
    <main>
      <callout-msal
        id="aad"
        client-id={config.clientId}
        authority={config.authority}
        login-hint={config.loginHint}
      />
      <callout-credential name="Orders" provider="aad" url={config.apiUrl} scopes={config.scopes} />
      {config.partner && (
        <callout-oidc
          id="partner"
          authority={config.partner.authority}
          client-id={config.partner.clientId}
          interaction="popup"
        />
      )}
      <header>
        <h1>Open orders</h1>
        <callout-login />
      </header>
      <section id="element">
        <h2>With the element {status ? `(${status})` : ''}</h2>
        <callout-get
          credential="Orders"
          path={openOrders}
          oncallout-response={(event) => setStatus(event.detail.status)}
        >
          <template slot="data">
            <ul>
              <li data-each=".">{'{{ sku }} × {{ quantity }}'}</li>
            </ul>
          </template>
        </callout-get>
      </section>
      <section id="adapter">
        <h2>With useCallout</h2>
        {error ? (
          <p role="alert">
            {error.message} — {error.hint}{' '}
            <button type="button" onClick={refresh}>
              Retry
            </button>
          </p>
        ) : loading && !data ? (
          <p>Loading…</p>
        ) : (
          <ul>
            {data?.map((order) => (
              <li key={order.id}>
                {order.sku} × {order.quantity}
              </li>
            ))}
          </ul>
        )}
      </section>
      <callout-log limit={50} />
    </main>
  );
}
