/**
 * A @custom-elements-manifest/analyzer plugin that describes what the package ships instead of
 * the sources it analysed. The analyzer documents `components/**\/*.ts`, which the tarball does
 * not contain, and knows nothing of the modules that register the elements; tools that generate
 * types or docs from the manifest then emit imports of files that do not exist.
 *
 * After the analysis, the manifest holds:
 * - one module, `shipped` (the built `sso-callout/components`), declaring everything the
 *   `entry` module (`components/index.ts`) exports that the analyzer documented — the element
 *   classes with their attributes, properties, events, slots, parts and CSS properties, the
 *   controller, the helpers — and exporting each;
 * - one module per registering file (`definitions`: built file → tag names, or `'all'`) with a
 *   `custom-element-definition` export for each of its tags, pointing at the declaration in
 *   `shipped`.
 * References between declarations (`superclass`, `inheritedFrom` …) point at `shipped` when they
 * name something it exports; references to internal modules keep only their name.
 */

/** @typedef {{ name: string, module?: string, package?: string }} Reference */
/** @typedef {{ kind: string, name: string, tagName?: string, customElement?: boolean }} Declaration */
/** @typedef {{ kind: string, name: string, declaration: Reference }} Export */
/** @typedef {{ kind: string, path: string, declarations?: Declaration[], exports?: Export[] }} Module */

/**
 * A module reference as the analyzer writes it (`./x.js` relative to `from`, `/components/x.js`,
 * `components/x.ts`) as the source path `components/x.ts`.
 * @param {string} module
 * @param {string} from path of the module the reference appears in
 */
function sourcePath(module, from) {
  const relative = module.startsWith('./') || module.startsWith('../');
  const path = relative ? new URL(module, new URL(from, 'file:///')).pathname : module;
  return path.replace(/^\//, '').replace(/\.js$/, '.ts');
}

/**
 * The declaration of `name` in the module at `source`, following its re-exports (`export *`
 * and `export { name } from`); with the source path of the module that declares it.
 * @param {Map<string, Module>} bySource
 * @param {string} source
 * @param {string} name
 * @returns {{ declaration: Declaration, source: string } | undefined}
 */
function findDeclaration(bySource, source, name, depth = 0) {
  const module = bySource.get(source);
  const declaration = module?.declarations?.find((each) => each.name === name);
  if (declaration || !module || depth > 5) return declaration && { declaration, source };
  for (const { name: exported, declaration: from } of module.exports ?? []) {
    if ((exported !== name && exported !== '*') || !from.module) continue;
    const target = sourcePath(from.module, source);
    if (target === source) continue;
    const found = findDeclaration(bySource, target, exported === '*' ? name : from.name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The declarations `entry` exports, each with the source module that declares it.
 * @param {Module[]} modules
 * @param {string} entry
 * @returns {Map<string, { declaration: Declaration, source: string }>} by exported name
 */
function publicDeclarations(modules, entry) {
  const bySource = new Map(modules.map((module) => [module.path, module]));
  const found = new Map();
  for (const { name, declaration } of bySource.get(entry)?.exports ?? []) {
    const declared = findDeclaration(bySource, sourcePath(declaration.module ?? '', entry), declaration.name);
    if (declared) found.set(name, declared);
  }
  return found;
}

/**
 * Rewrites, inside `value`, every `{ name, module }` reference: to `shipped` when it names one of
 * `exported` (by source and name), else without its module.
 * @param {unknown} value
 * @param {string} from source path of the module `value` was declared in
 * @param {Set<string>} exported `source#name` of everything `shipped` declares
 * @param {string} shipped
 */
function relink(value, from, exported, shipped) {
  if (Array.isArray(value)) {
    for (const item of value) relink(item, from, exported, shipped);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const reference = /** @type {Record<string, unknown>} */ (value);
  if (typeof reference.name === 'string' && typeof reference.module === 'string' && !reference.package) {
    const source = sourcePath(reference.module, from);
    if (exported.has(`${source}#${reference.name}`)) reference.module = shipped;
    else delete reference.module;
  }
  for (const child of Object.values(reference)) relink(child, from, exported, shipped);
}

/**
 * @param {{ entry: string, shipped: string, definitions: Record<string, string[] | 'all'> }} options
 * @returns {{ name: string, packageLinkPhase(context: { customElementsManifest: { modules: Module[] } }): void }}
 */
export function manifestForPackage({ entry, shipped, definitions }) {
  return {
    name: 'sso-callout:manifest-for-package',
    packageLinkPhase({ customElementsManifest }) {
      const declared = publicDeclarations(customElementsManifest.modules, entry);
      const exported = new Set(
        [...declared.values()].map(({ declaration, source }) => `${source}#${declaration.name}`),
      );
      for (const { declaration, source } of declared.values()) relink(declaration, source, exported, shipped);
      /** @type {Export[]} */
      const exports = [...declared.keys()].map((name) => ({
        kind: 'js',
        name,
        declaration: { name: declared.get(name)?.declaration.name ?? name, module: shipped },
      }));
      const elements = [...declared.values()]
        .map(({ declaration }) => declaration)
        .filter((declaration) => declaration.customElement && declaration.tagName);
      const declarations = [...declared.values()].map(({ declaration }) => declaration);
      /** @type {Module[]} */
      const modules = [{ kind: 'javascript-module', path: shipped, declarations, exports }];
      for (const [path, tags] of Object.entries(definitions)) {
        const defined = elements.filter((element) => tags === 'all' || tags.includes(element.tagName ?? ''));
        modules.push({
          kind: 'javascript-module',
          path,
          declarations: [],
          exports: defined.map((element) => ({
            kind: 'custom-element-definition',
            name: element.tagName ?? '',
            declaration: { name: element.name, module: shipped },
          })),
        });
      }
      customElementsManifest.modules = modules;
    },
  };
}
