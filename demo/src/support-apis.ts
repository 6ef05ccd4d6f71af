import type { ApiCall } from '../../test/support/api-emulator.js';

/** A ticket of the support desk's API, reached with the support IdP's token (OpenID Connect). */
export interface Ticket {
  id: string;
  subject: string;
  priority: 'High' | 'Normal' | 'Low';
  status: 'Open' | 'Waiting on customer';
}

/** An invoice of the billing API, reached with a token the host's backend mints. */
export interface Invoice {
  id: string;
  amount: string;
  due: string;
  status: 'Paid' | 'Due' | 'Overdue';
}

const tickets: Ticket[] = [
  { id: 'CS-2041', subject: 'Gear B7 arrives scratched', priority: 'High', status: 'Open' },
  { id: 'CS-2037', subject: 'Invoice address change', priority: 'Normal', status: 'Waiting on customer' },
];

const invoices: Invoice[] = [
  { id: 'INV-7710', amount: '$18,400.00', due: '2026-12-15', status: 'Due' },
  { id: 'INV-7655', amount: '$4,250.00', due: '2026-11-15', status: 'Paid' },
  { id: 'INV-7590', amount: '$960.00', due: '2026-10-31', status: 'Overdue' },
];

/** `GET tickets?account=contoso`, answered after the API emulator validated the support IdP's token. */
export function respondTickets(call: ApiCall): unknown {
  const [path = ''] = call.path.split('?');
  if (call.method === 'GET' && path === 'tickets') return tickets;
  return { error: 'not_found', path };
}

/** `GET invoices?account=contoso`, answered after the API emulator validated the backend's token. */
export function respondInvoices(call: ApiCall): unknown {
  const [path = ''] = call.path.split('?');
  if (call.method === 'GET' && path === 'invoices') return invoices;
  return { error: 'not_found', path };
}
