import '../support/lws-gates.js';
import { describeLwsApexCredential } from '../support/lws-apex-suite.js';

describeLwsApexCredential({ gated: true });
