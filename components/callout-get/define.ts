import { defineElement } from '../shared/define-element.js';
import { CalloutGet } from './callout-get.js';

defineElement('callout-get', CalloutGet);

export { CalloutGet };
