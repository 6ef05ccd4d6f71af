import { describeLwsElements } from '../support/lws-elements-suite.js';
import { describeLwsFlow } from '../support/lws-flow-suite.js';

describeLwsFlow({ gated: false, load: 'eval' });
describeLwsElements({ gated: false, load: 'eval' });
