import { HttpClient, type HttpErrorResponse } from '@angular/common/http';
import { Component, CUSTOM_ELEMENTS_SCHEMA, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of } from 'rxjs';
import type { CalloutError } from 'sso-callout';

interface Order {
  id: number;
  sku: string;
  quantity: number;
}

type Orders = { orders: Order[] } | { error: CalloutError };

/** Open orders twice: rendered by `<callout-get>` with a data template, and through `HttpClient`. */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <header>
        <h1>Open orders</h1>
        <callout-login></callout-login>
      </header>
      <section id="element">
        <h2>With the element {{ status() ? '(' + status() + ')' : '' }}</h2>
        <callout-get credential="Orders" [path]="openOrders" (callout-response)="status.set($event.detail.status)">
          <!-- ngNonBindable: the placeholders are the element's, not Angular's. -->
          <template slot="data" ngNonBindable>
            <ul>
              <li data-each=".">{{ sku }} × {{ quantity }}</li>
            </ul>
          </template>
        </callout-get>
      </section>
      <section id="adapter">
        <h2>With HttpClient</h2>
        @let result = orders();
        @if (!result) {
          <p>Loading…</p>
        } @else if ('error' in result) {
          <p role="alert">{{ result.error.message }} — {{ result.error.hint }}</p>
        } @else {
          <ul>
            @for (order of result.orders; track order.id) {
              <li>{{ order.sku }} × {{ order.quantity }}</li>
            }
          </ul>
        }
      </section>
      <callout-log [limit]="50"></callout-log>
    </main>
  `,
})
export class AppComponent {
  protected readonly openOrders = 'orders?status=open';
  protected readonly status = signal<number | undefined>(undefined);
  /** `callout:` URLs go through the sso-callout client (calloutInterceptor); a failure's `error` is the CalloutError. */
  protected readonly orders = toSignal<Orders>(
    inject(HttpClient)
      .get<Order[]>(`callout:Orders/${this.openOrders}`)
      .pipe(
        map((orders) => ({ orders })),
        catchError((failure: HttpErrorResponse) => of({ error: failure.error as CalloutError })),
      ),
  );
}
