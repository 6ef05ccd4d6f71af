import { describeLwsCrossTab } from '../support/lws-cross-tab-suite.js';

describeLwsCrossTab({ gated: false, load: 'eval' });
