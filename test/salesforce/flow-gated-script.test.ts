import '../support/lws-gates.js';
import { describeLwsElements } from '../support/lws-elements-suite.js';
import { describeLwsFlow } from '../support/lws-flow-suite.js';

describeLwsFlow({ gated: true, load: 'script' });
describeLwsElements({ gated: true, load: 'script' });
