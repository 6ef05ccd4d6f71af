import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-get/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient } from '../../support/test-client.js';
import { textOf, untilState } from '../support/wait.js';

const api = useMsw();

type Counters = Record<string, number | undefined>;
const counters = window as unknown as Counters;

/**
 * Builds `<template slot="…">` the way React and Vue do: `createElement('template')`, then the
 * children appended to the element itself, so its `.content` stays empty.
 */
function frameworkTemplate(
  slot: string,
  build: (template: HTMLTemplateElement) => void,
): HTMLTemplateElement {
  const template = document.createElement('template');
  template.setAttribute('slot', slot);
  build(template);
  return template;
}

/** `<ul><li data-each=".">{{ sku }}</li></ul>`, element by element. */
function skuList(template: HTMLTemplateElement): void {
  const list = document.createElement('ul');
  const item = document.createElement('li');
  item.setAttribute('data-each', '.');
  item.textContent = '{{ sku }}';
  list.append(item);
  template.append(list);
}

/** A `<callout-get>` with `template` as its light-DOM child, connected, showing data. */
async function mount(template: HTMLTemplateElement): Promise<CalloutGet> {
  const { callout } = createTestClient();
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('callout-get') as CalloutGet;
  el.callout = callout;
  el.credential = 'Orders';
  el.path = 'orders';
  el.append(template);
  container.append(el);
  await untilState(el, 'data');
  return el;
}

describe('<callout-get> data templates built by a framework (children on the element, not in .content)', () => {
  beforeEach(() => {
    api.use(
      http.get(`${apiBase}orders`, () =>
        HttpResponse.json([
          { sku: 'A1', note: '<b>x</b>' },
          { sku: 'B2', note: 'y' },
        ]),
      ),
    );
  });

  it('stamps the children as the data template, repeats and placeholders included.', async () => {
    const el = await mount(frameworkTemplate('data', skuList));
    const items = [...el.renderRoot.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).to.deep.equal(['A1', 'B2']);
    expect(el.renderRoot.querySelector('table')).to.equal(null);
  });

  it("leaves the framework's nodes where they are, unchanged, and re-stamps when the framework edits them.", async () => {
    const template = frameworkTemplate('data', skuList);
    const el = await mount(template);
    expect(template.childNodes).to.have.length(1);
    expect(template.querySelector('li')!.textContent).to.equal('{{ sku }}');
    expect(template.content.childNodes).to.have.length(0);
    template.querySelector('li')!.textContent = 'SKU {{ sku }}';
    await waitUntil(() => textOf(el).includes('SKU A1'), 'the edited template was not stamped');
    expect([...el.renderRoot.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      'SKU A1',
      'SKU B2',
    ]);
  });

  it('binds data as text only in such a template too.', async () => {
    const el = await mount(
      frameworkTemplate('data', (template) => {
        const item = document.createElement('p');
        item.setAttribute('data-each', '.');
        item.textContent = '{{ note }}';
        template.append(item);
      }),
    );
    expect(el.renderRoot.querySelector('b')).to.equal(null);
    expect(el.renderRoot.querySelector('p')!.textContent).to.equal('<b>x</b>');
  });

  it('adds no script run, event handler or javascript: link to what the framework itself put in the page.', async () => {
    delete counters.__c13script;
    delete counters.__c13onerror;
    const template = frameworkTemplate('data', (t) => {
      const script = document.createElement('script');
      script.textContent = 'window.__c13script = (window.__c13script || 0) + 1;';
      const image = document.createElement('img');
      image.className = 'img';
      image.setAttribute('src', 'data:,');
      image.setAttribute('onerror', 'window.__c13onerror = (window.__c13onerror || 0) + 1');
      const link = document.createElement('a');
      link.className = 'link';
      link.setAttribute('href', 'javascript:window.__c13href = 1');
      t.append(script, image, link);
    });
    const el = await mount(template);
    // What the framework's own nodes did in the page (a live script runs once, an image errors once).
    await waitUntil(() => counters.__c13onerror === 1, "the framework's own image never errored");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect({ script: counters.__c13script, onerror: counters.__c13onerror }).to.deep.equal({
      script: 1,
      onerror: 1,
    });
    expect(el.renderRoot.querySelectorAll('script')).to.have.length(0);
    expect(el.renderRoot.querySelector('.img')!.hasAttribute('onerror')).to.equal(false);
    expect(el.renderRoot.querySelector('.link')!.hasAttribute('href')).to.equal(false);
  });

  it('still prefers parsed content: a template from HTML is stamped as before.', async () => {
    const parsed = document.createElement('template');
    parsed.setAttribute('slot', 'data');
    parsed.innerHTML = '<ol><li data-each=".">{{ sku }}</li></ol>';
    const el = await mount(parsed);
    expect([...el.renderRoot.querySelectorAll('ol li')].map((li) => li.textContent)).to.deep.equal([
      'A1',
      'B2',
    ]);
  });
});
