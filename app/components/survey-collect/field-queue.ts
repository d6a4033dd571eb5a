/**
 * Responses entered in the field wait here (localStorage, per user and survey) until the
 * server has them. Each keeps the submission key its form was shown with, so sending one
 * twice — a retry after a lost answer, two tabs — still stores it once.
 */
export type QueuedResponse = {
  submissionKey: string;
  fields: [string, string][];
  queuedAt: string;
  /** Set when the server refused it (survey closed, invalid answer): kept for the member to see. */
  refused?: string;
};

export function queueStorageKey(userId: string, surveyId: string): string {
  return `maillage.fieldQueue.${userId}.${surveyId}`;
}

export function readQueue(key: string): QueuedResponse[] {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(key) ?? "[]") as unknown;
    return Array.isArray(parsed) ? (parsed as QueuedResponse[]) : [];
  } catch {
    return [];
  }
}

export function writeQueue(key: string, queue: QueuedResponse[]): void {
  if (queue.length === 0) window.localStorage.removeItem(key);
  else window.localStorage.setItem(key, JSON.stringify(queue));
}

export type SendResult =
  | { kind: "sent" }
  | { kind: "refused"; message: string; errors: Record<string, string> }
  | { kind: "unreachable" }
  | { kind: "signedOut" };

/**
 * One POST; "unreachable" (no network, server down, 5xx) means: keep it and try later.
 * Only the route's own JSON answer counts as stored: a redirect (session expired, logged out
 * elsewhere, a captive portal) followed to a 200 page would otherwise drop the response.
 */
export async function sendResponse(url: string, fields: [string, string][]): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      redirect: "manual",
    });
  } catch {
    return { kind: "unreachable" };
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    return { kind: "signedOut" };
  }
  if (response.ok) {
    const body = (await response.json().catch(() => null)) as { outcome?: unknown } | null;
    return body && (body.outcome === "stored" || body.outcome === "duplicate")
      ? { kind: "sent" }
      : { kind: "unreachable" };
  }
  if (response.status >= 500 || response.status === 429) return { kind: "unreachable" };
  const body = (await response.json().catch(() => ({}))) as { formError?: string; errors?: Record<string, string> };
  const errors = body.errors ?? {};
  return { kind: "refused", message: body.formError ?? Object.values(errors)[0] ?? String(response.status), errors };
}
