import { describeLwsApexCredential } from '../support/lws-apex-suite.js';

describeLwsApexCredential({ gated: false });
