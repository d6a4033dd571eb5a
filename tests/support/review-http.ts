import * as Y from "yjs";
import type { FindingState } from "~/models/core/vocabulary";
import { connect, until } from "./collab-client";
import type { TestServer } from "./server";

/** A finding row in a given review state (as the workflow would have left it). */
export async function findingInState(
  db: TestServer["db"],
  {
    projectId,
    authorId,
    state,
    version,
    title = "Le marché fait venir du monde",
  }: { projectId: string; authorId: string | null; state: FindingState; version?: number; title?: string },
) {
  const submitted = state !== "draft";
  return db.finding.create({
    data: {
      projectId,
      authorId,
      title,
      state,
      version: version ?? (submitted ? 1 : 0),
      firstSubmittedAt: submitted ? new Date() : null,
    },
    select: { id: true },
  });
}

/** Writes a title and statement paragraphs into a finding's document and waits until stored. */
export async function writeFinding(
  server: TestServer,
  cookie: string,
  findingId: string,
  { title, paragraphs }: { title: string; paragraphs: string[] },
) {
  const writer = connect(server.url, `finding:${findingId}`, { cookie });
  const watcher = connect(server.url, `finding:${findingId}`, { cookie });
  await until(() => writer.provider.synced && watcher.provider.synced, 5000, "sync");
  const fragment = writer.doc.getXmlFragment("default");
  writer.doc.transact(() => {
    fragment.delete(0, fragment.length);
    const heading = new Y.XmlElement("heading");
    heading.setAttribute("level", 2 as unknown as string);
    heading.insert(0, [new Y.XmlText(title)]);
    const blocks = paragraphs.map((text) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    });
    fragment.insert(0, [heading, ...blocks]);
  });
  const watched = watcher.doc.getXmlFragment("default");
  await until(() => watched.length === paragraphs.length + 1, 5000, "relay");
  watcher.destroy();
  writer.destroy();
}
