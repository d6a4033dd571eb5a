import { diffWords } from "diff";

/**
 * What a version keeps of one piece of evidence (FindingVersion.evidence is a JSON array of
 * these): enough to show and compare it after the live evidence has changed or gone.
 */
export type VersionEvidence = {
  /** The evidence row's id: how two versions recognise the same item. */
  id: string;
  kind: "quote" | "code" | "survey" | "event" | "source";
  /** What it is: the note's title, the code's name, the survey and question, the event, the source. */
  title: string;
  /** What it shows: the quote, the figures, the day, the address and reference. */
  body: string;
  comment: string;
};

const KINDS = new Set(["quote", "code", "survey", "event", "source"]);

/** Reads a version's evidence; anything malformed reads as no item rather than failing a page. */
export function parseVersionEvidence(json: string): VersionEvidence[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
      if (!item || typeof item !== "object") return [];
      const { id, kind, title, body, comment } = item as Record<string, unknown>;
      if (typeof id !== "string" || typeof kind !== "string" || !KINDS.has(kind)) return [];
      const str = (v: unknown) => (typeof v === "string" ? v : "");
      return [{ id, kind: kind as VersionEvidence["kind"], title: str(title), body: str(body), comment: str(comment) }];
    });
  } catch {
    return [];
  }
}

export type DiffSegment = { change: "same" | "added" | "removed"; text: string };

/** A word diff of two statements (line breaks count as separators). */
export function diffStatement(before: string, after: string): DiffSegment[] {
  return diffWords(before, after).map((part) => ({
    change: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

export type EvidenceChange =
  | { change: "added"; item: VersionEvidence }
  | { change: "removed"; item: VersionEvidence }
  | { change: "changed"; item: VersionEvidence; before: VersionEvidence };

/** Evidence added, removed or changed (what it shows or its comment) from one version to the next. */
export function diffEvidence(before: VersionEvidence[], after: VersionEvidence[]): EvidenceChange[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const changes: EvidenceChange[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) changes.push({ change: "added", item });
    else if (previous.title !== item.title || previous.body !== item.body || previous.comment !== item.comment)
      changes.push({ change: "changed", item, before: previous });
  }
  for (const item of before) if (!now.has(item.id)) changes.push({ change: "removed", item });
  return changes;
}

type Version = { number: number; title: string; statement: string; evidence: VersionEvidence[] };

export type VersionDiff = {
  from: number;
  to: number;
  titleBefore: string;
  titleAfter: string;
  statement: DiffSegment[];
  evidence: EvidenceChange[];
};

/** What changed from one version to another. */
export function versionDiff(before: Version, after: Version): VersionDiff {
  return {
    from: before.number,
    to: after.number,
    titleBefore: before.title,
    titleAfter: after.title,
    statement: diffStatement(before.statement, after.statement),
    evidence: diffEvidence(before.evidence, after.evidence),
  };
}
