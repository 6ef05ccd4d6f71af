import { evaluateInSandbox } from '@locker/sandbox';
import * as sandboxKit from './lws-sandbox-kit.js';

/** The namespace key of an org's own (unmanaged) Lightning components. */
export const defaultNamespace = 'c';

/** Where the harness serves the static resource's redirect page. */
export const redirectPath = '/__lws/redirect.html';

/** Options of {@link runInSandbox}. */
export interface SandboxRun {
  /** The namespace whose sandbox runs the code. Default {@link defaultNamespace}. */
  namespace?: string;
}

/** Every helper of lws-sandbox-kit.ts: evaluated with each function {@link runInSandbox} runs. */
const kit = Object.values(sandboxKit).filter((value) => typeof value === 'function');

/**
 * Runs `fn` **inside** the LWS sandbox of a namespace: its source text is evaluated by the real
 * `@locker/sandbox` (so every global it touches is LWS's distorted one) and receives `context`
 * through `$lockerEvalContext$`. `fn` must be self-contained (no closures, no imports but the
 * helpers of lws-sandbox-kit.ts, whose text is evaluated in the same script): only text crosses
 * into the sandbox. Resolves to what `fn` resolves to (values cross the membrane).
 */
export async function runInSandbox<C extends object, R>(
  fn: (context: C) => R | Promise<R>,
  context: C,
  options: SandboxRun = {},
): Promise<R> {
  const source = `(() => {\n${kit.join('\n')}\nreturn (${fn.toString()})($lockerEvalContext$);\n})()`;
  const namespace = options.namespace ?? defaultNamespace;
  return (await (evaluateInSandbox(namespace, source, context) as unknown)) as R;
}

/**
 * Loads `url` the way `loadScript` from `lightning/platformResourceLoader` does: a `<script src>`
 * created and inserted **inside** the sandbox, so LWS fetches the file and evaluates it through
 * its source transform. Resolves when the script has run; rejects if it failed to load.
 */
export function loadScriptInSandbox(url: string, namespace = defaultNamespace): Promise<void> {
  return runInSandbox(
    ({ src }: { src: string }) =>
      new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.addEventListener('load', () => resolve());
        script.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
        document.head.appendChild(script);
      }),
    { src: new URL(url, location.href).href },
    { namespace },
  );
}

/** How the static resource script gets into the sandbox. */
export type LwsLoadMode = 'script' | 'eval';

/** The static resource script as the harness serves it (built on the fly from salesforce/). */
export const staticResourceScript = '/__lws/sso-callout.js';

/**
 * Loads the static resource script into the `c` sandbox: `'script'` as `loadScript` does (a
 * `<script src>` created inside the sandbox, through LWS's source transform), `'eval'` as source
 * text given to `evaluateInSandbox` (no transform). Loading twice keeps the first copy.
 */
export async function loadStaticResource(mode: LwsLoadMode): Promise<void> {
  if (mode === 'script') {
    await loadScriptInSandbox(staticResourceScript);
    return;
  }
  const response = await fetch(staticResourceScript);
  if (!response.ok) throw new Error(`${staticResourceScript}: ${response.status}`);
  evaluateInSandbox(defaultNamespace, await response.text());
}
