import '../support/lws-gates.js';
import { describeLwsCrossTab } from '../support/lws-cross-tab-suite.js';

describeLwsCrossTab({ gated: true, load: 'script' });
