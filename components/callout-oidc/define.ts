import { defineElement } from '../shared/define-element.js';
import { CalloutOidc } from './callout-oidc.js';

defineElement('callout-oidc', CalloutOidc);

export { CalloutOidc };
