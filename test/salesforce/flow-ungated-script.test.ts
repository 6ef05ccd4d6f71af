import { describeLwsElements } from '../support/lws-elements-suite.js';
import { describeLwsFlow } from '../support/lws-flow-suite.js';
import { describeLwsHijack } from '../support/lws-hijack-suite.js';

describeLwsFlow({ gated: false, load: 'script' });
describeLwsElements({ gated: false, load: 'script' });
describeLwsHijack({ gated: false, load: 'script' });
