/** Placeholder until written. */
/** @type {import('../run.mjs').Measure} */
export default {
  id: 'acquisitions',
  title: 'acquisitions',
  target: '',
  browser: false,
  async run() {
    throw new Error('not written yet');
  },
};
