import { avisDocument } from "../council/avis-document.server";
import { findingDocument } from "../findings/finding-document.server";
import { noteDocument } from "../notes/note-document.server";
import { surveyDocument } from "../surveys/survey-document.server";
import { timelineDocument } from "../timeline/timeline-document.server";
import type { DocumentKind } from "./document-kind";

/** Every kind of co-edited document. Adding a kind is adding its module and one line here. */
const KINDS: readonly DocumentKind[] = [noteDocument, surveyDocument, timelineDocument, findingDocument, avisDocument];

const BY_NAME = new Map(KINDS.map((kind) => [kind.kind, kind]));

export function documentKinds(): readonly DocumentKind[] {
  return KINDS;
}

/** A parsed document name: its kind's declaration, its id, and the name itself. */
export type DocumentName = { kind: DocumentKind; id: string; name: string };

// cuid-like ids only: no separators, no path tricks, bounded length.
const NAME_PATTERN = /^([a-z]+):([a-z0-9]{8,40})$/;

/** "<kind>:<id>" for a registered kind and a well-formed id, else null. */
export function parseDocumentName(name: string): DocumentName | null {
  const match = NAME_PATTERN.exec(name);
  const kind = match ? BY_NAME.get(match[1]!) : undefined;
  return kind ? { kind, id: match![2]!, name } : null;
}

export function documentName(kind: DocumentKind, id: string): string {
  return `${kind.kind}:${id}`;
}
