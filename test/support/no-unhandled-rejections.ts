import { expect } from '@open-wc/testing';

const rejections: unknown[] = [];
addEventListener('unhandledrejection', (event) => {
  rejections.push(event.reason);
});

/**
 * Fails the current test when any promise rejection went unhandled while it ran (checked after
 * a macrotask, so rejections reported late by the browser are still caught).
 */
export function failOnUnhandledRejections(): void {
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const found = rejections.splice(0);
    expect(found.map((r) => (r instanceof Error ? `${r.name}: ${r.message}` : String(r)))).to.deep.equal([]);
  });
}
