// @ts-check
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs a command in the repository, resolving with its stdout; rejects with its output when it
 * exits non-zero.
 * @param {string} command
 * @param {string[]} args
 * @param {string} [cwd]
 * @returns {Promise<string>}
 */
function run(command, args, cwd = root) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${out}${err}`)),
    );
  });
}

/**
 * Every file under `dir`, as `/`-separated paths relative to it, sorted.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/**
 * @typedef {object} PackedTarball
 * @property {string} dir the unpacked package (what `node_modules/sso-callout` holds after an install)
 * @property {string[]} files every file in the tarball, relative to `dir`
 * @property {string[]} listed the files `npm pack` reported, relative to `dir`
 * @property {() => Promise<void>} remove deletes the tarball and the unpacked copy
 */

/**
 * Packs the package the way it is published: builds it (`npm run build`, what `prepack` runs),
 * then `npm pack --ignore-scripts` into a temporary folder, and unpacks the tarball there. Takes
 * as long as the build (seconds, not minutes); call it once per test file.
 * @returns {Promise<PackedTarball>}
 */
export async function packTarball() {
  const folder = await mkdtemp(join(tmpdir(), 'sso-callout-pack-'));
  await run('npm', ['run', '--silent', 'build']);
  const report = JSON.parse(
    await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder]),
  );
  const [{ filename, files: listed }] = report;
  await run('tar', ['-xzf', join(folder, filename)], folder);
  const dir = join(folder, 'package');
  return {
    dir,
    files: await listFiles(dir),
    listed: listed.map((/** @type {{ path: string }} */ file) => file.path).sort(),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
