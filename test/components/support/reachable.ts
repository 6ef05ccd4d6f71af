/** What a reachability walk looks for: returns a label for a forbidden value, else `undefined`. */
export type Forbidden = (value: unknown) => string | undefined;

/** A forbidden value the walk reached, and the property path that reached it. */
export interface Reached {
  path: string;
  what: string;
}

const maxVisits = 50_000;

/** Whether `proto` is a built-in prototype (`Object.prototype`, `HTMLElement.prototype` …). */
function isBuiltIn(proto: object): boolean {
  const maker = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
  return (
    typeof maker === 'function' && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(maker))
  );
}

/** Own keys of `value` and the accessor keys of its non-built-in prototypes, each once. */
function keysOf(value: object): { key: PropertyKey; holder: object }[] {
  const keys: { key: PropertyKey; holder: object }[] = [];
  const seen = new Set<PropertyKey>();
  for (let holder: object | null = value; holder; holder = Object.getPrototypeOf(holder)) {
    if (holder !== value && isBuiltIn(holder)) break;
    for (const key of Reflect.ownKeys(holder)) {
      if (seen.has(key) || key === 'constructor') continue;
      seen.add(key);
      const descriptor = Object.getOwnPropertyDescriptor(holder, key)!;
      if (holder === value || descriptor.get) keys.push({ key, holder });
    }
  }
  return keys;
}

/** Reads `key` of `value` as a caller would (getters run with `value` as receiver); never throws. */
function read(value: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(value, key, value);
  } catch {
    return undefined;
  }
}

/**
 * Walks everything another script can reach from `start` without help from our modules: own
 * properties (enumerable or not, string and symbol keys), getters on every non-built-in prototype
 * (run, as an attacker would run them), entries of Maps, Sets and arrays, and DOM nodes below
 * `start` (its light children and its shadow root) with their own expando properties. It never
 * goes up the DOM or to the global object: what is reachable from the page itself is a different
 * question. Returns every forbidden value found, with the path that reached it (and a finding of
 * its own when the walk had to stop before it was complete).
 */
export function findReachable(start: object, forbidden: Forbidden): Reached[] {
  const found: Reached[] = [];
  const visited = new Set<unknown>();
  const queue: { value: unknown; path: string }[] = [{ value: start, path: '<element>' }];
  while (queue.length > 0 && visited.size < maxVisits) {
    const { value, path } = queue.shift()!;
    const what = forbidden(value);
    if (what) {
      found.push({ path, what });
      continue;
    }
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) continue;
    if (visited.has(value) || value === globalThis || value === document) continue;
    visited.add(value);
    const push = (next: unknown, step: string) => queue.push({ value: next, path: `${path}${step}` });
    if (value instanceof Node) {
      for (const key of Reflect.ownKeys(value)) push(read(value, key), `.${String(key)}`);
      if (value === start || start instanceof Node) {
        for (const [i, child] of [...value.childNodes].entries()) push(child, `.childNodes[${i}]`);
        const shadow = (value as Partial<Element>).shadowRoot;
        if (shadow) push(shadow, '.shadowRoot');
        if (value instanceof HTMLTemplateElement) push(value.content, '.content');
      }
      if (value !== start) continue;
    }
    if (value instanceof Map) {
      for (const [k, v] of value) {
        push(k, '.<key>');
        push(v, `.get(${String(k)})`);
      }
    } else if (value instanceof Set) {
      for (const item of value) push(item, '.<item>');
    }
    for (const { key } of keysOf(value)) {
      if (value instanceof Node && value === start && key === 'shadowRoot') continue;
      push(read(value, key), `.${String(key)}`);
    }
  }
  // A walk cut short proves nothing: report it as a finding.
  if (queue.length > 0)
    found.push({ path: `<stopped after ${visited.size} objects>`, what: 'an unfinished walk' });
  return found;
}
