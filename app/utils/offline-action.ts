import type { ClientActionFunctionArgs, ShouldRevalidateFunction } from "@remix-run/react";

/** What a form's action gives back when its request never reached the server. */
export type NotSent = { notSent: true };

export function isNotSent(data: unknown): data is NotSent {
  return typeof data === "object" && data !== null && "notSent" in data;
}

/**
 * A route's `clientAction`: the server's action, unless the request could not be sent (no
 * network, a connection that died). Then the page stays as it was — the form and what was
 * typed in it — and can say so, instead of Remix's error page replacing it all. A browser
 * reports a request that got no answer as a TypeError ("Failed to fetch"); redirects and error
 * responses from the server are thrown as they are.
 */
export async function sendOrKeep<T>({ serverAction }: ClientActionFunctionArgs) {
  try {
    return await serverAction<T>();
  } catch (error) {
    if (error instanceof TypeError) return { notSent: true } satisfies NotSent;
    throw error;
  }
}

/**
 * Every route with a loader on a page whose forms use `sendOrKeep` exports this: after an
 * action that did not reach the server, asking the loaders again would fail the same way and
 * put the error page up after all.
 */
export const skipRevalidationWhenNotSent: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  isNotSent(actionResult) ? false : defaultShouldRevalidate;
