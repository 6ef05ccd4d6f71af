import type { ApiCall } from '../../test/support/api-emulator.js';

/** A shipment of the demo's second API, reached through the token exchange. */
export interface Shipment {
  id: string;
  order: number;
  carrier: string;
  status: 'In transit' | 'Delivered' | 'Label printed';
  eta: string;
}

const shipments: Shipment[] = [
  { id: 'SH-5001', order: 1001, carrier: 'Fabrikam Freight', status: 'In transit', eta: '2026-12-03' },
  { id: 'SH-5002', order: 1002, carrier: 'Northwind Parcel', status: 'Label printed', eta: '2026-12-05' },
  { id: 'SH-4990', order: 1003, carrier: 'Fabrikam Freight', status: 'Delivered', eta: '2026-11-21' },
];

/**
 * The shipments API's routes, answered by an API emulator after it validated the token the
 * API's own token endpoint issued (not an Azure AD token): `GET shipments?account=contoso`.
 */
export function respondShipments(call: ApiCall): unknown {
  const [path = ''] = call.path.split('?');
  if (call.method === 'GET' && path === 'shipments') return shipments;
  return { error: 'not_found', path };
}
