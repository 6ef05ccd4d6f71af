import { defineElement } from '../shared/define-element.js';
import { CalloutMsal } from './callout-msal.js';

defineElement('callout-msal', CalloutMsal);

export { CalloutMsal };
