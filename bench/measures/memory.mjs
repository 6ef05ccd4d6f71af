/** Placeholder until written. */
/** @type {import('../run.mjs').Measure} */
export default {
  id: 'memory',
  title: 'memory',
  target: '',
  browser: false,
  async run() {
    throw new Error('not written yet');
  },
};
