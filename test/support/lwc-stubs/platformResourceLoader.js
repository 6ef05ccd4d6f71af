import { platformLog } from './log.js';

/** One promise per URL, as Lightning's loader keeps it: a second call never loads twice. */
const loaded = new Map();

/**
 * Stub of `loadScript` from `lightning/platformResourceLoader`: like Lightning's, it inserts a
 * `<script src>` into `document.head` from the calling component's realm (inside LWS, the
 * namespace's sandbox, so LWS fetches and transforms the script) and resolves when it ran.
 * @param {unknown} _component the calling component (Lightning checks it; the stub does not)
 * @param {string} url
 * @returns {Promise<void>}
 */
export function loadScript(_component, url) {
  platformLog.loadScriptCalls.push(url);
  let promise = loaded.get(url);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.addEventListener('load', () => resolve(undefined));
      script.addEventListener('error', () => reject(new Error(`could not load ${url}`)));
      platformLog.scriptsInserted.push(url);
      document.head.appendChild(script);
    });
    loaded.set(url, promise);
  }
  return promise;
}
