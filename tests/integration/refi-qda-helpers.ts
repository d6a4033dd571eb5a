import fs from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import * as Y from "yjs";
import { expect } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import type { ProjectRole } from "~/models/core/vocabulary";
import { createNote, createProject } from "../factories";
import type { TestServer } from "../support/server";
import { logIn } from "../support/session";
import { flattenRichText } from "~/models/notes/note-flat-text";
import { ROOT } from "../support/paths";

/** The published REFI-QDA schemas (tests/fixtures/refi-qda/README.md says where they come from). */
const schema = (name: "Codebook.xsd" | "Project.xsd") => ({
  fileName: name,
  contents: fs.readFileSync(path.join(ROOT, "tests/fixtures/refi-qda", name), "utf8"),
});

/** Validates a document against a REFI-QDA schema with libxml2 (xmllint, compiled to WebAssembly). */
export async function refiSchemaErrors(xml: string, schemaName: "Codebook.xsd" | "Project.xsd"): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: "document.xml", contents: xml }, schema: schema(schemaName) });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/**
 * A note's document stored as the collaboration server stores it (one snapshot), from its
 * paragraphs; returns the note's flat text, where coded passages count their offsets.
 */
export async function writeNoteDocument(db: PrismaClient, noteId: string, paragraphs: string[]): Promise<string> {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  fragment.insert(
    0,
    paragraphs.map((text, index) => {
      const element = new Y.XmlElement(index === 0 ? "heading" : "paragraph");
      if (index === 0) (element as Y.XmlElement<{ level: number }>).setAttribute("level", 2);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  const text = flattenRichText(fragment).text;
  await db.documentSnapshot.create({
    data: { docName: `note:${noteId}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)), lastUpdateId: 0 },
  });
  doc.destroy();
  return text;
}

/** A multipart form with one file, as a browser sends the import form. */
export function fileForm(contents: string | Uint8Array<ArrayBuffer>, filename = "codes.qdc"): FormData {
  const form = new FormData();
  form.append("file", new Blob([contents], { type: "application/xml" }), filename);
  return form;
}

/** A coded project to export, and the import as the form posts it, for the REFI-QDA tests. */
export function refiQdaHelpers(server: () => TestServer) {
  type Person = Awaited<ReturnType<typeof logIn>>;

  /** Someone with `role` in the project, coalition staff, or a coordinator of another project ("outsider"). */
  async function member(projectId: string, role: ProjectRole | "coalition" | "outsider"): Promise<Person> {
    const someone = await logIn(server(), role === "coalition" ? { siteRole: "coalition_coordinator" } : {});
    if (role === "outsider") {
      // A coordinator of another project: its rights stop at its own project.
      await createProject(server().db, { members: [[someone.user.id, "coordinator"]] });
    } else if (role !== "coalition") {
      await server().db.membership.create({ data: { projectId, userId: someone.user.id, role } });
    }
    return someone;
  }

  /** A project with a researcher, a codebook of two levels, and two notes coded (one in the trash). */
  async function codedProject() {
    const researcher = await logIn(server(), { name: "Aïcha Benali" });
    const project = await createProject(server().db, {
      members: [[researcher.user.id, "researcher"]],
      visibility: "coalition",
    });
    const tag = (data: { label: string; definition?: string; colour?: string; parentId?: string }) =>
      server().db.tag.create({ data: { projectId: project.id, ...data }, select: { id: true, label: true } });
    const mobility = await tag({ label: "Mobilité", definition: "Se déplacer sans voiture", colour: "#aa3300" });
    const carpool = await tag({ label: "Covoiturage", definition: "Partager un trajet", parentId: mobility.id });
    const market = await tag({ label: "Marché & circuits courts", colour: "#00aa55" });
    const retired = await tag({ label: "Ancien code" });
    await server().db.tag.update({ where: { id: retired.id }, data: { retiredAt: new Date() } });
    const merged = await tag({ label: "Covoit" });
    await server().db.tag.update({ where: { id: merged.id }, data: { mergedIntoId: carpool.id } });

    const note = await createNote(server().db, {
      projectId: project.id,
      authorId: researcher.user.id,
      title: "Tournée du camion-épicerie",
    });
    const text = await writeNoteDocument(server().db, note.id, [
      "Tournée du camion-épicerie",
      "Le 🚚 passe à Châtillon-en-Diois le mardi 🙂 ; les habitants y font leur marché.",
      "Élodie propose le covoiturage 🚗 vers Die pour le marché du samedi.",
    ]);
    const passage = (passageId: string, codeId: string, quote: string) => {
      const start = text.indexOf(quote);
      expect(start).toBeGreaterThan(-1);
      return server().db.codedPassage.create({
        data: {
          noteId: note.id,
          passageId,
          projectId: project.id,
          codeId,
          text: quote,
          start,
          end: start + quote.length,
          codedById: researcher.user.id,
        },
      });
    };
    await passage("p1", market.id, "passe à Châtillon-en-Diois le mardi 🙂");
    await passage("p2", carpool.id, "le covoiturage 🚗 vers Die");
    // Overlapping the first one, with another code.
    await passage("p3", mobility.id, "🚚 passe à Châtillon");

    const trashed = await createNote(server().db, {
      projectId: project.id,
      authorId: researcher.user.id,
      title: "Jetée",
    });
    await writeNoteDocument(server().db, trashed.id, ["Jetée", "Texte jeté"]);
    await server().db.note.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
    return { researcher, project, codes: `/projects/${project.id}/codes`, note, trashed };
  }

  async function importFile(client: Person["client"], codes: string, contents: string | Uint8Array<ArrayBuffer>) {
    return client.send(`${codes}/import`, {
      method: "POST",
      body: fileForm(contents),
      headers: { origin: server().url },
    });
  }

  const codebookOf = async (projectId: string) =>
    (
      await server().db.tag.findMany({
        where: { projectId },
        select: {
          label: true,
          nameKey: true,
          definition: true,
          colour: true,
          retiredAt: true,
          parent: { select: { label: true } },
        },
        orderBy: { label: "asc" },
      })
    ).map(({ parent, retiredAt, ...code }) => ({
      ...code,
      parent: parent?.label ?? null,
      retired: retiredAt !== null,
    }));

  return { member, codedProject, importFile, codebookOf };
}
