/**
 * An attacker's walk over an object graph: every own key (string and symbol, enumerable or not),
 * every accessor on the prototype chain (invoked on the object), the entries of `Headers`,
 * `URLSearchParams`, `FormData`, `Map` and `Set`, the bytes of buffers, and `cause` chains — with
 * cycles guarded. Returns the path of every string that contains `secret`, e.g.
 * `error.cause.request.headers[authorization]`. DOM nodes and windows are not entered: they are
 * the shared page, which the attacker has anyway.
 */
export function findSecret(root: unknown, secret: string, rootName = 'root'): string[] {
  const found: string[] = [];
  const seen = new WeakSet<object>();
  let visited = 0;
  const queue: [unknown, string][] = [[root, rootName]];
  const check = (text: string, path: string) => {
    if (text.includes(secret)) found.push(path);
  };
  while (queue.length > 0) {
    const [value, path] = queue.shift()!;
    if (typeof value === 'string') {
      check(value, path);
      continue;
    }
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue;
    if (seen.has(value) || isSharedPage(value)) continue;
    seen.add(value);
    if (++visited > 50_000) throw new Error(`findSecret: the graph under ${rootName} is too large to walk`);
    for (const [child, childPath] of entriesOf(value, path)) queue.push([child, childPath]);
  }
  return found;
}

function isSharedPage(value: object): boolean {
  return (
    (typeof Node === 'function' && value instanceof Node) ||
    (typeof Window === 'function' && value instanceof Window) ||
    value === Object.prototype ||
    value === Function.prototype
  );
}

/** What an attacker can reach from `value` in one step. */
function entriesOf(value: object, path: string): [unknown, string][] {
  const out: [unknown, string][] = [];
  const add = (child: unknown, name: string) => out.push([child, `${path}${name}`]);
  if (value instanceof Headers || value instanceof URLSearchParams || value instanceof FormData) {
    for (const [key, entry] of value as unknown as Iterable<[string, unknown]>) {
      add(key, `[${key}:key]`);
      add(entry, `[${key}]`);
    }
  }
  if (value instanceof Map) for (const [key, entry] of value) add([key, entry], `<map entry>`);
  if (value instanceof Set) for (const entry of value) add(entry, '<set entry>');
  if (value instanceof ArrayBuffer) add(new TextDecoder().decode(value), '<bytes>');
  if (ArrayBuffer.isView(value)) add(new TextDecoder().decode(value), '<bytes>');
  for (const key of Reflect.ownKeys(value)) {
    const name = typeof key === 'symbol' ? `[${String(key)}]` : `.${key}`;
    if (typeof key === 'string') add(key, `${name}:key`);
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (!descriptor) continue;
    if ('value' in descriptor) add(descriptor.value, name);
    else if (descriptor.get)
      add(
        attempt(() => descriptor.get!.call(value)),
        name,
      );
  }
  for (let proto = Object.getPrototypeOf(value); proto && !isSharedPage(proto); ) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(proto, key);
      if (descriptor?.get) {
        add(
          attempt(() => descriptor.get!.call(value)),
          typeof key === 'symbol' ? `[${String(key)}]` : `.${key}`,
        );
      }
    }
    proto = Object.getPrototypeOf(proto);
  }
  return out;
}

function attempt(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}
