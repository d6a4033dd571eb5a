import { useEffect, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { MessageKey, Translator } from "~/i18n";
import { presenceChanges, presenceSignature, presentUsers, type Present } from "./presence";

/**
 * After (re)connecting, everyone already in the note arrives at once through awareness: that
 * is not news, so changes in this window update the list without being announced.
 */
const SETTLE_MS = 1500;

/**
 * Who is in the note, live, and a sentence for screen readers when someone joins or leaves.
 * Awareness changes on every caret move; the list (and React) only changes with the people.
 */
export function usePresence(
  awareness: Awareness,
  connected: boolean,
  locale: string,
  describe: (change: { joined: string[]; left: string[] }) => string,
): { people: Present[]; announcement: string } {
  const read = () => presentUsers(awareness.getStates(), awareness.clientID, locale);
  const [people, setPeople] = useState<Present[]>(read);
  const [announcement, setAnnouncement] = useState("");
  const announcing = useRef(false);
  const describeRef = useRef(describe);
  describeRef.current = describe;

  useEffect(() => {
    announcing.current = false;
    if (!connected) return;
    const timer = setTimeout(() => (announcing.current = true), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [connected]);

  useEffect(() => {
    let current = read();
    let signature = presenceSignature(current);
    setPeople(current);
    const onChange = () => {
      const next = read();
      const nextSignature = presenceSignature(next);
      if (nextSignature === signature) return;
      const change = presenceChanges(current, next);
      if (announcing.current && (change.joined.length || change.left.length)) {
        setAnnouncement(describeRef.current(change));
      }
      current = next;
      signature = nextSignature;
      setPeople(next);
    };
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
    // `read` only depends on awareness and locale.
  }, [awareness, locale]);

  return { people, announcement };
}

/** The sentence for `usePresence`: "Léa a rejoint…", "Sami est parti…", in each document's own words. */
export function joinsAndLeaves(t: Translator, joinedKey: MessageKey, leftKey: MessageKey) {
  return ({ joined, left }: { joined: string[]; left: string[] }) =>
    [...joined.map((name) => t(joinedKey, { name })), ...left.map((name) => t(leftKey, { name }))].join(" ");
}
