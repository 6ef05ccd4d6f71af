import { describeLwsLwcWrapper } from '../support/lws-lwc-suite.js';

describeLwsLwcWrapper({ gated: false });
