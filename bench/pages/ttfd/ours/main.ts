/** The page's one import, as the README shows it (`import 'sso-callout/define'`, the autoloader). */
import '../../../../components/define.js';
