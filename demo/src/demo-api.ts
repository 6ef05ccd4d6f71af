import type { ApiCall } from '../../test/support/api-emulator.js';

/** An order of the demo's emulated API. */
export interface Order {
  id: number;
  sku: string;
  quantity: number;
  status: 'open' | 'shipped';
  createdBy: string;
}

/** The customer record the profile card shows. */
export interface Customer {
  name: string;
  industry: string;
  owner: string;
  phone: string;
  website: string;
  annualRevenue: string;
}

const customer: Customer = {
  name: 'Contoso Ltd',
  industry: 'Manufacturing',
  owner: 'Jane Doe',
  phone: '+1 425 555 0100',
  website: 'contoso.com',
  annualRevenue: '$12.5M',
};

/**
 * The demo API's data and routes, answered by the API emulator after it validated the token:
 * `GET orders?status=open`, `POST orders` (`{ sku, quantity }`), `GET customers/contoso`.
 */
export function createDemoApi(): { orders: Order[]; respond: (call: ApiCall) => unknown } {
  const orders: Order[] = [
    { id: 1001, sku: 'WIDGET-A1', quantity: 12, status: 'open', createdBy: 'jane@contoso.com' },
    { id: 1002, sku: 'GEAR-B7', quantity: 3, status: 'open', createdBy: 'sam@contoso.com' },
    { id: 1003, sku: 'BOLT-C2', quantity: 250, status: 'shipped', createdBy: 'jane@contoso.com' },
  ];
  const respond = (call: ApiCall): unknown => {
    const [path = '', query = ''] = call.path.split('?');
    if (call.method === 'GET' && path === 'orders') {
      const status = new URLSearchParams(query).get('status');
      return orders.filter((order) => !status || order.status === status);
    }
    if (call.method === 'POST' && path === 'orders') {
      const input = JSON.parse(call.body || '{}') as Partial<Order>;
      const order: Order = {
        id: 1000 + orders.length + 1,
        sku: String(input.sku ?? 'UNKNOWN').slice(0, 40),
        quantity: Math.max(1, Math.min(10_000, Number(input.quantity) || 1)),
        status: 'open',
        createdBy: String(call.claims.preferred_username ?? 'unknown'),
      };
      orders.push(order);
      return order;
    }
    if (call.method === 'GET' && path === 'customers/contoso') return customer;
    return { error: 'not_found', path };
  };
  return { orders, respond };
}
