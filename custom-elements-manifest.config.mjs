/**
 * @custom-elements-manifest/analyzer configuration: `npm run manifest` (also the last step of
 * `npm run build`) writes `custom-elements.json` for the `callout-*` elements from their JSDoc
 * (`@summary`, `@attr`, `@slot`, `@csspart`, `@cssprop`, `@fires`) and Lit decorators. The
 * package's `customElements` field points at it, so editors and Storybook find the elements.
 */
export default {
  globs: ['components/**/*.ts'],
  // Registration modules: tag names come from each class's `@tagname`.
  exclude: [
    'components/**/*.styles.ts',
    'components/**/define.ts',
    'components/define.ts',
    'components/define-all.ts',
    'components/shared/define-element.ts',
  ],
  outdir: '.',
  litelement: true,
};
