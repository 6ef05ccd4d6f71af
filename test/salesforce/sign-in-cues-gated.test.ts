import '../support/lws-gates.js';
import { describeSignInCues } from '../support/lws-sign-in-cue-suite.js';

describeSignInCues({ gated: true });
