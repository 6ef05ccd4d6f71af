// Angular compiles this component's template in the browser (JIT), so the compiler loads first.
import '@angular/compiler';
import { type ApplicationRef, Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import '../../../components/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { apiBase, createTestClient } from '../../components/support/client.js';
import { useApi } from '../../components/support/msw.js';
import { expectStamped } from '../support.js';

const api = useApi();

describe('the elements in an Angular template', () => {
  let application: ApplicationRef | undefined;
  afterEach(() => {
    application?.destroy();
    application = undefined;
    document.querySelector('orders-card')?.remove();
  });

  it('render with CUSTOM_ELEMENTS_SCHEMA: a bound client, (callout-response), and an ngNonBindable data template.', async () => {
    const { callout } = createTestClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1' }, { sku: 'B2' }])));
    const statuses: number[] = [];
    // What `@Component({...}) class OrdersCard {}` compiles to, without a decorator transform.
    const OrdersCard = Component({
      selector: 'orders-card',
      schemas: [CUSTOM_ELEMENTS_SCHEMA],
      template: `<callout-get [callout]="client" credential="Orders" [path]="path" (callout-response)="onResponse($event)">
        <template slot="data" ngNonBindable><ul><li data-each=".">{{ sku }}</li></ul></template>
      </callout-get>`,
    })(
      class {
        client = callout;
        path = 'orders';
        onResponse(event: CustomEvent<{ status: number }>) {
          statuses.push(event.detail.status);
        }
      },
    );
    document.body.append(document.createElement('orders-card'));
    application = await createApplication();
    application.bootstrap(OrdersCard);
    const element = document.querySelector<CalloutGet>('orders-card callout-get')!;
    await expectStamped(element, ['A1', 'B2']);
    expect(statuses).to.deep.equal([200]);
  });
});
