/** The README's page registering every element at once (`import 'sso-callout/define-all'`). */
import '../../../../components/define-all.js';
