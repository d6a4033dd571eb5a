import { codesXml, codeTree, PROJECT_NAMESPACE, REFI_ORIGIN } from "./refi-qda-codebook";
import type { CodebookCode } from "./codebook";
import { refiGuid } from "./refi-qda-guid";
import { codePointOffsets } from "./refi-qda-positions";
import { xmlAttributes, xmlText } from "./refi-qda-xml";

/**
 * The pieces of a REFI-QDA project file (`project.qde`, REFI-QDA Project 1.0,
 * `urn:QDA-XML:project:1.0`). Pure. Each note is a `TextSource` whose text is the file
 * `sources/<guid>.txt` of the archive (`plainTextPath="internal://<guid>.txt"`, UTF-8); each coded
 * passage a `PlainTextSelection` with its `Coding`. The order of elements is the schema's:
 * Users, CodeBook, Sources.
 */

export type SourceNote = {
  id: string;
  title: string;
  authorId: string | null;
  lastEditorId: string | null;
  createdAt: Date;
  modifiedAt: Date;
};

export type SourcePassage = {
  passageId: string;
  codeId: string;
  text: string;
  start: number;
  end: number;
  codedById: string | null;
  codedAt: Date;
};

/** `sources/<guid>.txt`: where a note's text sits in the archive. */
export function sourceFileName(noteId: string): string {
  return `sources/${refiGuid("note", noteId)}.txt`;
}

/**
 * Where the passage sits in `text` now, in UTF-16 offsets: its projected offsets when the text
 * there is still its text, else the occurrence of its text nearest to them (the projection runs
 * a second after the last keystroke, so the document read now may be a little ahead), else null
 * (the passage's text is gone: it is left out rather than pointing at other words).
 */
export function locatePassage(text: string, passage: Pick<SourcePassage, "text" | "start" | "end">) {
  if (passage.end > passage.start && text.slice(passage.start, passage.end) === passage.text) {
    return { start: passage.start, end: passage.end };
  }
  if (!passage.text) return null;
  let best = -1;
  for (let at = text.indexOf(passage.text); at !== -1; at = text.indexOf(passage.text, at + 1)) {
    if (best === -1 || Math.abs(at - passage.start) < Math.abs(best - passage.start)) best = at;
  }
  return best === -1 ? null : { start: best, end: best + passage.text.length };
}

/**
 * A note as a `TextSource`, its passages as selections with positions in code points. `codeOf`
 * gives the exported code a passage counts for (merges followed), or null to leave it out.
 */
export function textSourceXml({
  note,
  text,
  passages,
  codeOf,
  untitled,
}: {
  note: SourceNote;
  text: string;
  passages: SourcePassage[];
  codeOf: (codeId: string) => string | null;
  untitled: string;
}): string {
  const guid = refiGuid("note", note.id);
  const toPoints = codePointOffsets(text);
  const selections: string[] = [];
  for (const passage of passages) {
    const codeId = codeOf(passage.codeId);
    const place = codeId ? locatePassage(text, passage) : null;
    if (!codeId || !place) continue;
    const user = passage.codedById ? refiGuid("user", passage.codedById) : null;
    const selectionId = `${note.id}:${passage.passageId}`;
    selections.push(
      `      <PlainTextSelection${xmlAttributes({
        guid: refiGuid("passage", selectionId),
        name: shortName(text.slice(place.start, place.end)),
        startPosition: toPoints(place.start),
        endPosition: toPoints(place.end),
        creatingUser: user,
        creationDateTime: passage.codedAt.toISOString(),
      })}>\n` +
        `        <Coding${xmlAttributes({
          guid: refiGuid("coding", `${selectionId}:${codeId}`),
          creatingUser: user,
          creationDateTime: passage.codedAt.toISOString(),
        })}>\n` +
        `          <CodeRef${xmlAttributes({ targetGUID: refiGuid("code", codeId) })}/>\n` +
        `        </Coding>\n` +
        `      </PlainTextSelection>\n`,
    );
  }
  const attributes = xmlAttributes({
    guid,
    name: note.title.trim() || untitled,
    plainTextPath: `internal://${guid}.txt`,
    creatingUser: note.authorId ? refiGuid("user", note.authorId) : null,
    creationDateTime: note.createdAt.toISOString(),
    modifyingUser: note.lastEditorId ? refiGuid("user", note.lastEditorId) : null,
    modifiedDateTime: note.modifiedAt.toISOString(),
  });
  return selections.length
    ? `    <TextSource${attributes}>\n${selections.join("")}    </TextSource>\n`
    : `    <TextSource${attributes}/>\n`;
}

/** A selection's name: the start of its text, on one line. */
function shortName(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  const points = [...line];
  return points.length > 60 ? `${points.slice(0, 59).join("")}…` : line;
}

/** The start of `project.qde`, up to the opening of its sources (when there are any). */
export function projectHead({
  name,
  createdAt,
  users,
  codebook,
  hasSources,
}: {
  name: string;
  createdAt: Date;
  users: { id: string; name: string }[];
  codebook: readonly CodebookCode[];
  hasSources: boolean;
}): string {
  const usersXml = users.length
    ? `  <Users>\n${users
        .map((user) => `    <User${xmlAttributes({ guid: refiGuid("user", user.id), name: user.name })}/>\n`)
        .join("")}  </Users>\n`
    : "";
  const codes = codesXml(codeTree(codebook), "    ");
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<Project${xmlAttributes({
      xmlns: PROJECT_NAMESPACE,
      name,
      origin: REFI_ORIGIN,
      creationDateTime: createdAt.toISOString(),
    })}>\n` +
    usersXml +
    (codes ? `  <CodeBook>\n${codes}  </CodeBook>\n` : "") +
    (hasSources ? "  <Sources>\n" : "")
  );
}

export function projectTail({ hasSources, description }: { hasSources: boolean; description: string }): string {
  return (
    (hasSources ? "  </Sources>\n" : "") +
    (description ? `  <Description>${xmlText(description)}</Description>\n` : "") +
    "</Project>\n"
  );
}
