import { useEffect, useState } from "react";
import { openCollabSession, type CollabSession } from "./collab-session.client";
import { colourForUser } from "./user-colour";

/**
 * Opens a co-edited document that has no Tiptap editor (timeline, survey design) for as long as
 * the component is mounted: its Y.Doc, local copy and socket, with the person announced in the
 * presence state (the note editor's caret extension does that for notes). Null until opened.
 */
export function useCollabSession(docName: string, user: { id: string; name: string }): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = openCollabSession({ docName, userId: user.id });
    opened.provider.awareness.setLocalStateField("user", {
      id: user.id,
      name: user.name,
      color: colourForUser(user.id),
    });
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [docName, user.id, user.name]);
  return session;
}
