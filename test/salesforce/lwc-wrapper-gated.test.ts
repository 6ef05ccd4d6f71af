import '../support/lws-gates.js';
import { describeLwsLwcWrapper } from '../support/lws-lwc-suite.js';

describeLwsLwcWrapper({ gated: true });
