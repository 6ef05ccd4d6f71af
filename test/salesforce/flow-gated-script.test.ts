import '../support/lws-gates.js';
import { describeLwsFlow } from '../support/lws-flow-suite.js';

describeLwsFlow({ gated: true, load: 'script' });
