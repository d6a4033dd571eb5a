import { FALLBACK_COLOUR, isHexColour } from "./user-colour";

/** One person in the note, as the presence list shows them. */
export type Present = { key: string; name: string; colour: string; isSelf: boolean };

/** Names come from other clients: keep them to one short line. */
const MAX_NAME_LENGTH = 60;

function readUser(state: unknown): { id?: string; name: string; colour: string } | null {
  if (typeof state !== "object" || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== "object" || user === null) return null;
  const { id, name, color } = user as { id?: unknown; name?: unknown; color?: unknown };
  if (typeof name !== "string") return null;
  const cleanName = name.replace(/\s+/g, " ").trim().slice(0, MAX_NAME_LENGTH);
  if (!cleanName) return null;
  return {
    id: typeof id === "string" && id.length <= 100 ? id : undefined,
    name: cleanName,
    colour: isHexColour(color) ? color : FALLBACK_COLOUR,
  };
}

/**
 * Who is in the note, from the awareness states (client id → state): one entry per person even
 * with several tabs open, yourself first, then by name.
 */
export function presentUsers(states: ReadonlyMap<number, unknown>, selfClientId: number, locale = "fr"): Present[] {
  const byKey = new Map<string, Present>();
  for (const [clientId, state] of states) {
    const user = readUser(state);
    if (!user) continue;
    const key = user.id ? `user:${user.id}` : `client:${clientId}`;
    const isSelf = clientId === selfClientId;
    const known = byKey.get(key);
    if (known && !isSelf) continue;
    byKey.set(key, { key, name: user.name, colour: user.colour, isSelf: isSelf || Boolean(known?.isSelf) });
  }
  return [...byKey.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, locale),
  );
}

/** Arrivals and departures between two lists, for the screen-reader announcement. */
export function presenceChanges(before: Present[], after: Present[]): { joined: string[]; left: string[] } {
  const beforeKeys = new Set(before.map((p) => p.key));
  const afterKeys = new Set(after.map((p) => p.key));
  return {
    joined: after.filter((p) => !p.isSelf && !beforeKeys.has(p.key)).map((p) => p.name),
    left: before.filter((p) => !p.isSelf && !afterKeys.has(p.key)).map((p) => p.name),
  };
}

/** A cheap identity for a list, so that cursor moves (awareness 'change') do not re-render it. */
export function presenceSignature(list: Present[]): string {
  return JSON.stringify(list.map((p) => [p.key, p.name, p.colour, p.isSelf]));
}
