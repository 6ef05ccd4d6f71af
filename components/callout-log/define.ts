import { defineElement } from '../shared/define-element.js';
import { CalloutLog } from './callout-log.js';

defineElement('callout-log', CalloutLog);

export { CalloutLog };
