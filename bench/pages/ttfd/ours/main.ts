/** The page's one import, as the README shows it (`import 'sso-callout/define'`). */
import '../../../../components/define.js';
