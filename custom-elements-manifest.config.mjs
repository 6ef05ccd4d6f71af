import { manifestForPackage } from './build/manifest-for-package.mjs';

/**
 * @custom-elements-manifest/analyzer configuration: `npm run manifest` (also the last step of
 * `npm run build`) writes `custom-elements.json` for the `callout-*` elements from their JSDoc
 * (`@summary`, `@attr`, `@slot`, `@csspart`, `@cssprop`, `@fires`) and Lit decorators. The
 * package's `customElements` field points at it, so editors and Storybook find the elements.
 *
 * It analyses the sources but describes what ships (build/manifest-for-package.mjs): every
 * declaration in `dist/components.js` (`sso-callout/components`), and `custom-element-definition`
 * exports in the files that register the elements (`sso-callout/define`, `sso-callout/define-msal`).
 */
export default {
  globs: ['components/**/*.ts'],
  // Registration modules: tag names come from each class's `@tagname`.
  exclude: [
    'components/**/*.styles.ts',
    'components/**/define.ts',
    'components/define.ts',
    'components/shared/define-element.ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [
    manifestForPackage({
      entry: 'components/index.ts',
      shipped: 'dist/components.js',
      definitions: { 'dist/define.js': 'all', 'dist/define-msal.js': ['callout-msal'] },
    }),
  ],
};
