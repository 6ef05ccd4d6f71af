import { defineElement } from '../shared/define-element.js';
import { CalloutCredential } from './callout-credential.js';

defineElement('callout-credential', CalloutCredential);

export { CalloutCredential };
