import { describeLwsFlow } from '../support/lws-flow-suite.js';

describeLwsFlow({ gated: false, load: 'script' });
