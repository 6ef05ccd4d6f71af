import { CalloutGet } from '../../../components/callout-get/callout-get.js';

/**
 * Registers `<callout-get>`. The repository's package.json marks only `dist/define.js` as having
 * side effects, so a bare `import '…/components/callout-get/define.js'` of the sources is dropped
 * by esbuild; the bench pages register the element themselves.
 */
export function registerCalloutGet(): void {
  if (!customElements.get('callout-get')) customElements.define('callout-get', CalloutGet);
}
