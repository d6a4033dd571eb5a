import type * as Y from "yjs";
import type { ProjectAction } from "../projects/permissions.server";

/** An update as Y.decodeUpdate reads it: its new items and what it deletes. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Who made the last change a projection reflects. */
export type Editor = { userId: string; at: Date };

/**
 * What a kind of co-edited document is, declared once (one module per kind, listed in
 * registry.server.ts). The collaboration route, the websocket authorisation, the projections
 * and the revalidation of open sockets all read it from there; adding a kind is adding one
 * module and one line in the registry.
 */
export type DocumentKind = {
  /** The prefix of the kind's document names, "<kind>:<id>" (lower-case letters). */
  kind: string;
  /**
   * SQL that selects the document's project as `projectId` and its `stage` (`NULL AS stage`
   * for kinds whose rights do not depend on one) for the id bound as `@id`, and nothing when
   * there is no such document (or it must not be opened, e.g. a note in the trash). The
   * rights reader runs it in one statement with the user's membership.
   */
  projectOf: string;
  /** What a user must be allowed in the project to open the document (read-only). */
  readAction: ProjectAction;
  /** What a user must be allowed to change it; without it their socket is read-only. */
  writeAction: ProjectAction;
  /**
   * For kinds whose rights depend on where the document stands (a finding the council has
   * not had yet, an avis adopted and frozen): the actions for the `stage` that `projectOf`
   * selected, instead of `readAction` and `writeAction`; `write: null` makes it read-only for
   * everyone. Pages decide with the same function, so sockets and pages agree.
   */
  stageRights?: (stage: string | null) => { read: ProjectAction; write: ProjectAction | null };
  /**
   * Refuses, before it is stored or relayed, an update that would take the content out of the
   * kind's schema (unknown node, a heading inside a paragraph…): returns what is wrong, or null.
   * Runs for every update of the kind, against the room's built document: keep it proportional
   * to the update, not the document.
   */
  checkUpdate?: (update: DecodedUpdate, doc: Y.Doc) => string | null;
  /** Largest single message a client may send in this kind of document, in bytes (the server's own cap still applies). */
  maxMessageBytes?: number;
  /**
   * Checks the document against the kind's schema and writes the SQL rows pages read (title,
   * questions, events…). Anyone who may write can put anything in a Y.Doc: what fails the
   * check is skipped and logged, never stored, and never throws for the others.
   */
  project: (id: string, doc: Y.Doc, lastEditor: Editor | null) => Promise<void>;
};
