import crypto from "node:crypto";
import * as Y from "yjs";
import { PROJECT_ROLES, type ProjectRole } from "~/models/core/vocabulary";
import { anchorAtOffsets, encodeAnchor } from "~/models/findings/note-anchor";
import { flattenRichText } from "~/models/notes/note-flat-text";
import { createProject } from "../factories";
import { connect, paragraphText, until, type TestProvider } from "./collab-client";
import { HttpClient } from "./http-client";
import type { TestServer } from "./server";
import { logIn } from "./session";

/** Everyone a findings route must answer differently: each role, coalition staff, an outsider, nobody. */
export type Who = ProjectRole | "coalition" | "outsider" | "anonymous";
export const EVERYONE: Who[] = [...PROJECT_ROLES, "coalition", "outsider", "anonymous"];

/**
 * A coalition-visible project with one logged-in member per role, a coalition coordinator who
 * is not a member, a member of another project, and a client without a session.
 */
export async function findingsCast(server: TestServer) {
  const people = await Promise.all(PROJECT_ROLES.map(() => logIn(server)));
  const project = await createProject(server.db, {
    members: PROJECT_ROLES.map((role, i) => [people[i]!.user.id, role] as [string, ProjectRole]),
    visibility: "coalition",
  });
  const coalition = await logIn(server, { siteRole: "coalition_coordinator" });
  const outsider = await logIn(server);
  const other = await createProject(server.db, { members: [[outsider.user.id, "coordinator"]] });
  const byWho = new Map<Who, { client: HttpClient; userId: string | null }>();
  PROJECT_ROLES.forEach((role, i) => byWho.set(role, { client: people[i]!.client, userId: people[i]!.user.id }));
  byWho.set("coalition", { client: coalition.client, userId: coalition.user.id });
  byWho.set("outsider", { client: outsider.client, userId: outsider.user.id });
  byWho.set("anonymous", { client: new HttpClient(server.url), userId: null });
  return {
    project,
    otherProject: other,
    base: `/projects/${project.id}/findings`,
    as: (who: Who) => byWho.get(who)!,
  };
}

/** A finding row as the forms leave it (its document is written by editors, not here). */
export async function createFinding(
  db: TestServer["db"],
  {
    projectId,
    authorId,
    title = "Le marché fait venir du monde",
  }: { projectId: string; authorId: string | null; title?: string },
) {
  return db.finding.create({ data: { projectId, authorId, title }, select: { id: true } });
}

export const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

/**
 * Writes `text` into a note through a real provider and waits until the server has stored it
 * (a second provider receives it: the server relays only what it stored). Returns the writer,
 * still open, to edit more.
 */
export async function writeNote(
  server: TestServer,
  cookie: string,
  noteId: string,
  text: string,
): Promise<TestProvider> {
  const writer = connect(server.url, `note:${noteId}`, { cookie });
  const watcher = connect(server.url, `note:${noteId}`, { cookie });
  await until(() => writer.provider.synced && watcher.provider.synced, 5000, "sync");
  writer.text.insert(0, text);
  await until(
    () => watcher.doc.getXmlFragment("default").length > 0 && paragraphText(watcher.doc).toString() === text,
    5000,
    "relay",
  );
  watcher.destroy();
  return writer;
}

/** The anchor (base64url) of the first occurrence of `quote` in the provider's note. */
export function anchorOf(doc: Y.Doc, quote: string): string {
  const flat = flattenRichText(doc.getXmlFragment("default"));
  const start = flat.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the note`);
  return base64url(encodeAnchor(anchorAtOffsets(flat, start, start + quote.length)!));
}

export const randomId = () => `c${crypto.randomBytes(10).toString("hex")}`;
