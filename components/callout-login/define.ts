import { defineElement } from '../shared/define-element.js';
import { CalloutLogin } from './callout-login.js';

defineElement('callout-login', CalloutLogin);

export { CalloutLogin };
