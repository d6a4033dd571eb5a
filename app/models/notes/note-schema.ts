/**
 * What the editor and the server agree on for a note's body: the Y.Doc fragment the editor
 * binds to, and the StarterKit configuration (app/editor/editor-extensions.client.ts extends it
 * with NoteHeading and SafeLink, and both add the coded-passage mark of coded-passage-mark.ts). The server builds its schema check from the same parts
 * (note-schema.server.ts); app/editor/note-schema.test.ts checks that both schemas agree.
 */
export const NOTE_FRAGMENT = "default";

/** Without its own history, link and heading (the editor replaces them; see above). */
export const NOTE_STARTER_KIT = { undoRedo: false, link: false, heading: false } as const;
