import type { Editor } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import { NOTE_FRAGMENT } from "~/models/notes/note-schema";
import type { CollabSession } from "./collab-session.client";

/**
 * The client id every title seed is written with. Two tabs (or two people) opening the same
 * new note both find it empty and both seed it: written under the same client id, from the same
 * title, their updates are identical item for item, and Yjs keeps one heading instead of two
 * (the second is already known). Any other client id, and the title would appear twice.
 */
const SEED_CLIENT_ID = 0;

/**
 * The update that makes an empty note start with `title` as its heading, then an empty line.
 * A seed may carry a first paragraph after a line break ("Titre\nÉnoncé": a new finding's
 * statement); a note's title never holds one (the form collapses whitespace).
 */
export function titleSeed(schema: Schema, seedText: string): Uint8Array {
  const [title = "", ...rest] = seedText.split("\n");
  const body = rest.join(" ").trim();
  const seed = new Y.Doc();
  seed.clientID = SEED_CLIENT_ID;
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] },
        body ? { type: "paragraph", content: [{ type: "text", text: body }] } : { type: "paragraph" },
      ],
    },
    seed.getXmlFragment(NOTE_FRAGMENT),
  );
  const update = Y.encodeStateAsUpdate(seed);
  seed.destroy();
  return update;
}

/**
 * Writes the title chosen in the new-note form into the note's text as its first heading, once
 * what this device knows of the note has loaded (its local copy, or the server's), and only if
 * the text is still empty. It goes to the server through the socket like a keystroke: the app
 * never writes a document's rows itself. Returns a function that stops waiting.
 */
export function seedTitleWhenLoaded(session: CollabSession, editor: Editor, title: string): () => void {
  let done = false;
  const seed = () => {
    if (done) return;
    stop();
    if (editor.isDestroyed || session.doc.getXmlFragment(NOTE_FRAGMENT).length > 0) return;
    Y.applyUpdate(session.doc, titleSeed(editor.schema, title));
    // The title is there: the person goes on with the text below it.
    editor.commands.focus("end");
  };
  const onSync = (synced: boolean) => {
    if (synced) seed();
  };
  function stop() {
    done = true;
    session.persistence.off("synced", seed);
    session.provider.off("sync", onSync);
  }
  if (session.persistence.synced || session.provider.synced) {
    queueMicrotask(seed);
  } else {
    session.persistence.on("synced", seed);
    session.provider.on("sync", onSync);
  }
  return stop;
}
