import { resolveCode, type CodebookCode } from "../codes/codebook";
import { isPassageKey, passageAttrs } from "./coded-passage-mark";
import type { FlatText } from "./note-flat-text";

/**
 * A note's coded passages read from its flat text (note-flat-text.ts): one per passage id,
 * whatever the number of runs and blocks it covers. Pure: the projection writes them, tests
 * and the benchmark read them.
 */
export type ProjectedPassage = {
  passageId: string;
  /** The code after merges (codebook.ts `resolveCode`). */
  codeId: string;
  /** The passage's text, its parts in several blocks joined by "\n". */
  text: string;
  start: number;
  end: number;
  /** As written in the mark: the projection keeps it only when such a user exists. */
  by: string;
};

export type PassageReading = {
  passages: ProjectedPassage[];
  /** Passage ids whose code is not one of the project's (forged, or another project's): dropped. */
  unknown: string[];
};

type Gathering = { code: string; by: string; parts: { start: number; end: number }[] };

export function readCodedPassages(flat: FlatText, codebook: ReadonlyMap<string, CodebookCode>): PassageReading {
  const byId = new Map<string, Gathering>();
  for (const run of flat.runs) {
    for (const [key, value] of Object.entries(run.attributes)) {
      if (!isPassageKey(key)) continue;
      const attrs = passageAttrs(value);
      if (!attrs) continue;
      let gathering = byId.get(attrs.passage);
      // The first run decides a passage's code and author: a forged mark reusing a passage id
      // with another code cannot turn the passage into two rows.
      if (!gathering) byId.set(attrs.passage, (gathering = { code: attrs.code, by: attrs.by, parts: [] }));
      const last = gathering.parts[gathering.parts.length - 1];
      const end = run.start + run.text.length;
      if (last && last.end === run.start) last.end = end;
      else gathering.parts.push({ start: run.start, end });
    }
  }
  const passages: ProjectedPassage[] = [];
  const unknown: string[] = [];
  for (const [passageId, { code, by, parts }] of byId) {
    const resolved = resolveCode(codebook, code);
    if (!resolved) {
      unknown.push(passageId);
      continue;
    }
    passages.push({
      passageId,
      codeId: resolved.id,
      text: parts.map((part) => flat.text.slice(part.start, part.end)).join("\n"),
      start: parts[0]!.start,
      end: parts[parts.length - 1]!.end,
      by,
    });
  }
  return { passages, unknown };
}
