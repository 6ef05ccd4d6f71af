import '../support/lws-gates.js';
import { describeLwsElements } from '../support/lws-elements-suite.js';
import { describeLwsFlow } from '../support/lws-flow-suite.js';
import { describeLwsHijack } from '../support/lws-hijack-suite.js';

describeLwsFlow({ gated: true, load: 'script' });
describeLwsElements({ gated: true, load: 'script' });
describeLwsHijack({ gated: true, load: 'script' });
