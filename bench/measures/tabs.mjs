/** Placeholder until written. */
/** @type {import('../run.mjs').Measure} */
export default {
  id: 'tabs',
  title: 'tabs',
  target: '',
  browser: false,
  async run() {
    throw new Error('not written yet');
  },
};
