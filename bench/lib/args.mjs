/**
 * Command-line options of `npm run bench -- [options]`:
 * - `--only size,refresh` runs only those measures (ids: size, refresh, overhead, acquisitions,
 *   tabs, memory, ttfd);
 * - `--quick` uses small counts, for a smoke run while developing.
 */

/** @typedef {{ only: string[] | undefined, quick: boolean }} BenchArgs */

/**
 * @param {string[]} argv process.argv.slice(2)
 * @param {string[]} known measure ids
 * @returns {BenchArgs}
 */
export function parseArgs(argv, known) {
  /** @type {string[] | undefined} */
  let only;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--quick') quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      only = (value ?? '').split(',').filter(Boolean);
    } else throw new Error(`unknown option ${arg} (use --only ${known.join(',')} and/or --quick)`);
  }
  const unknown = (only ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new Error(`unknown measure ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return { only, quick };
}
