import { describeLwsElements } from '../support/lws-elements-suite.js';
import { describeLwsFlow } from '../support/lws-flow-suite.js';
import { describeLwsHijack } from '../support/lws-hijack-suite.js';

describeLwsFlow({ gated: false, load: 'eval' });
describeLwsElements({ gated: false, load: 'eval' });
describeLwsHijack({ gated: false, load: 'eval' });
