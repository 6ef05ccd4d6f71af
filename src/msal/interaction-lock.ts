const slot: unique symbol = Symbol.for('sso-callout.msal.interaction') as never;

type Slot = { [slot]?: Promise<unknown> };

/**
 * Runs `interaction` unless one is already running on the page, in which case the running one is
 * awaited and `undefined` is returned (the caller then reuses its result silently). The lock lives
 * on `globalThis` under a registered symbol, so separately bundled copies of sso-callout share it:
 * the whole page has at most one popup or redirect at a time, and MSAL never reports
 * `interaction_in_progress` to users.
 */
export async function runExclusiveInteraction<T>(interaction: () => Promise<T>): Promise<T | undefined> {
  const page = globalThis as Slot;
  const running = page[slot];
  if (running) {
    await running.catch(() => {});
    return undefined;
  }
  const current = interaction();
  page[slot] = current;
  try {
    return await current;
  } finally {
    if (page[slot] === current) delete page[slot];
  }
}

/** Resolves when no interaction is running on the page (at once when none is). Never rejects. */
export async function interactionSettled(): Promise<void> {
  const running = (globalThis as Slot)[slot];
  if (running) await running.catch(() => {});
}
