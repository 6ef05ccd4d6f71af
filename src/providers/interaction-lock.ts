// The key keeps its first name (from when only MSAL opened windows): copies of every version share it.
const slot: unique symbol = Symbol.for('sso-callout.msal.interaction') as never;

type Slot = { [slot]?: Promise<unknown> };

/** What {@link runExclusiveInteraction} did: ran the interaction (and its result), or waited for another. */
export type ExclusiveOutcome<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `interaction` unless one is already running on the page, in which case the running one is
 * awaited (whether it succeeds or fails) and `{ ran: false }` is returned: the caller then looks
 * for what it left (an account, a cached token) instead of opening a second window. Rejects only
 * when `interaction` itself rejects. The lock lives on `globalThis` under a registered symbol, so
 * separately bundled copies of sso-callout share it: the whole page has at most one popup or
 * redirect at a time — whichever provider (MSAL, OpenID Connect) opens it — and MSAL never reports
 * `interaction_in_progress` to users.
 */
export async function runExclusiveInteraction<T>(
  interaction: () => Promise<T>,
): Promise<ExclusiveOutcome<T>> {
  const page = globalThis as Slot;
  const running = page[slot];
  if (running) {
    await running.catch(() => {});
    return { ran: false };
  }
  const current = interaction();
  page[slot] = current;
  try {
    return { ran: true, value: await current };
  } finally {
    if (page[slot] === current) delete page[slot];
  }
}

/** Resolves when no interaction is running on the page (at once when none is). Never rejects. */
export async function interactionSettled(): Promise<void> {
  const running = (globalThis as Slot)[slot];
  if (running) await running.catch(() => {});
}
