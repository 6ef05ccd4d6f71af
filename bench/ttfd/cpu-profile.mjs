/**
 * Where a page load's CPU goes, by owner: Chromium's sampling profiler (CDP `Profiler`) runs
 * while the page loads, and each sample is charged to the code on top of the stack — through the
 * build's source maps (hidden: the page never loads them) to the module it came from: our core,
 * our MSAL adapter, our elements, lit, ky, MSAL, Graph Toolkit, the page's own scripts — or, with
 * no script on the stack, to the browser's native work (`(program)`: parsing and compiling
 * scripts, style, layout, the renderer's own tasks) and garbage collection. Idle samples (the
 * page waiting for the network) are not counted.
 */
import { readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { root } from '../size/bundle.mjs';

/** Owners, in the order the results list them, and what decides a module belongs to each. */
const owners = /** @type {const} */ ([
  ['lit', /^node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//],
  ['ky', /^node_modules\/ky\//],
  ['MSAL', /^node_modules\/@azure\/msal-/],
  ['Graph Toolkit', /^node_modules\/@microsoft\//],
  ['sso-callout core', /^src\/(?!msal\/|msal\.ts)/],
  ['sso-callout MSAL adapter', /^src\/msal(\/|\.ts)/],
  ['sso-callout elements', /^components\//],
  ['page scripts', /^bench\/pages\//],
]);

/** @typedef {Record<string, number>} CpuByOwner milliseconds per owner */

/**
 * Starts the profiler on `page`; call the returned function after the load to stop it and get the
 * CPU by owner.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page
 * @param {(url: string) => string | undefined} fileOf the built file a script URL is served from
 * @returns {Promise<() => Promise<CpuByOwner>>}
 */
export async function profileLoad(context, page, fileOf) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach().catch(() => {});
    return cpuByOwner(profile, fileOf);
  };
}

/** Source maps by built file, loaded once. @type {Map<string, Promise<SourceMap | undefined>>} */
const maps = new Map();

/** @param {string} file */
function sourceMapOf(file) {
  let map = maps.get(file);
  if (!map) {
    map = readFile(`${file}.map`, 'utf8').then(
      (text) => new SourceMap(JSON.parse(text)),
      () => undefined,
    );
    maps.set(file, map);
  }
  return map;
}

/**
 * @param {import('playwright-core').Protocol.Profiler.Profile} profile
 * @param {(url: string) => string | undefined} fileOf
 * @returns {Promise<CpuByOwner>}
 */
async function cpuByOwner(profile, fileOf) {
  /** @type {Map<number, number>} each node's parent */
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  /** @type {Map<number, string>} the owner of each profile node, worked out once */
  const ownerOf = new Map();
  // Parents come before their children in the node list, so a child can take its parent's owner.
  for (const node of profile.nodes) {
    const parent = parents.get(node.id);
    ownerOf.set(
      node.id,
      (await ownerOfFrame(node.callFrame, fileOf)) ??
        (parent === undefined ? undefined : ownerOf.get(parent)) ??
        browser,
    );
  }
  /** @type {CpuByOwner} */
  const cpu = {};
  profile.samples?.forEach((id, index) => {
    const owner = ownerOf.get(id) ?? browser;
    if (owner === 'idle') return;
    cpu[owner] = (cpu[owner] ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000;
  });
  return Object.fromEntries(Object.entries(cpu).map(([owner, ms]) => [owner, Math.round(ms)]));
}

const browser = 'browser (parse, compile, style, layout)';

/**
 * The owner of a frame with a script, `idle` or `garbage collection`; `undefined` for a built-in
 * function called from script (`appendChild`, `fetch`): it belongs to its caller.
 * @param {import('playwright-core').Protocol.Runtime.CallFrame} frame
 * @param {(url: string) => string | undefined} fileOf
 */
async function ownerOfFrame(frame, fileOf) {
  if (frame.functionName === '(idle)') return 'idle';
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)' || frame.functionName === '(root)') return browser;
  if (!frame.url) return undefined;
  const file = fileOf(frame.url);
  const map = file ? await sourceMapOf(file) : undefined;
  const entry = /** @type {{ originalSource?: unknown } | undefined} */ (
    map?.findEntry(frame.lineNumber, frame.columnNumber)
  );
  const source = entry?.originalSource;
  if (!file || typeof source !== 'string') return 'other scripts';
  // Sources are relative to the map; owners are told apart by their path in the repository.
  const path = relative(root, resolve(dirname(file), source)).replaceAll('\\', '/');
  return owners.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other scripts';
}

/**
 * The built file a script URL of the app server is served from: `https://app…/<variant>/<file>`
 * → `<dirs[variant]>/<file>`.
 * @param {Record<string, string>} dirs each variant's build directory
 * @returns {(url: string) => string | undefined}
 */
export function builtFiles(dirs) {
  return (url) => {
    const parsed = URL.parse(url);
    const [, variant = '', ...rest] = parsed?.pathname.split('/') ?? [];
    const dir = dirs[variant];
    return dir && rest.length > 0 ? resolve(dir, rest.join('/')) : undefined;
  };
}
