/**
 * Runs `run` with `console[method]` (default `error`) recording each call as one line of text
 * instead of printing it, and restores it afterwards; returns what `run` returns.
 */
export async function capturingConsole<T>(
  run: (lines: string[]) => Promise<T>,
  method: 'error' | 'warn' = 'error',
): Promise<T> {
  const lines: string[] = [];
  const original = console[method];
  console[method] = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    return await run(lines);
  } finally {
    console[method] = original;
  }
}
