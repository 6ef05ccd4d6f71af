import '../support/lws-gates.js';
import { describeLwsElements } from '../support/lws-elements-suite.js';
import { describeLwsFlow } from '../support/lws-flow-suite.js';
import { describeLwsHijack } from '../support/lws-hijack-suite.js';

describeLwsFlow({ gated: true, load: 'eval' });
describeLwsElements({ gated: true, load: 'eval' });
describeLwsHijack({ gated: true, load: 'eval' });
