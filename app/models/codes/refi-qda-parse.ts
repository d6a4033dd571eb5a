import { SaxesParser, type SaxesTagNS } from "saxes";
import { normalizeTagLabel, tagKey } from "../notes/tag-label";
import { CODEBOOK_NAMESPACE } from "./refi-qda-codebook";

/**
 * Reads a REFI-QDA codebook (`.qdc`) someone uploads. Pure. The file comes from anywhere, so:
 * - a document type declaration is refused outright: no DTD is read, no entity declared in one
 *   is expanded (billion laughs, external entities — OWASP XXE prevention); saxes itself never
 *   fetches anything and refuses an entity it does not know;
 * - the root must be REFI-QDA's `CodeBook` (in its namespace, or in none, as some tools write);
 * - what we do not use (sets, unknown elements) is skipped; a code without a name, a name too
 *   long for our codebook or too many codes refuse the file whole.
 * Codes come out flattened to our one level of grouping: a code nested deeper goes under its
 * top-level ancestor. Two codes whose names are the same for us (case, accents, spaces) are one.
 */

export const QDC_MAX_CODES = 2000;

export type ImportedCode = {
  /** The name as it will be shown (spaces tidied). */
  label: string;
  /** `tagKey(label)`: how it is matched with our codes. */
  key: string;
  definition: string;
  /** "#rrggbb", or null when the file gives none we can use. */
  colour: string | null;
  isCodable: boolean;
  /** The key of its top-level ancestor, or null for a top-level code. */
  parentKey: string | null;
  /** Whether other codes of the file are nested in it. */
  hasChildren: boolean;
};

export type QdcError =
  | { kind: "notText" }
  | { kind: "notXml"; line?: number }
  | { kind: "doctype" }
  | { kind: "wrongRoot" }
  | { kind: "noCodes" }
  | { kind: "tooManyCodes"; max: number }
  | { kind: "codeWithoutName" }
  | { kind: "nameTooLong"; name: string; max: number };

export type QdcResult = { ok: true; codes: ImportedCode[] } | { ok: false; error: QdcError };

class Refused extends Error {
  constructor(readonly error: QdcError) {
    super(error.kind);
  }
}

/** The file's bytes as text: UTF-8 (the standard's), or UTF-16 when a byte order mark says so. */
export function decodeXmlBytes(bytes: Uint8Array): string | null {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

type Open = { label: string; definition: string; colour: string | null; isCodable: boolean; order: number };

function attribute(tag: SaxesTagNS, name: string): string | undefined {
  return tag.attributes[name]?.value;
}

function colourOf(value: string | undefined): string | null {
  const match = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value?.trim() ?? "");
  if (!match) return null;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join("") : match[1]!;
  return `#${hex.toLowerCase()}`;
}

export function parseCodebook(bytes: Uint8Array, { labelMax }: { labelMax: number }): QdcResult {
  const xml = decodeXmlBytes(bytes);
  if (xml === null) return { ok: false, error: { kind: "notText" } };
  const codes = new Map<string, ImportedCode>();
  // The elements open now, and the codes among them (innermost last).
  const elements: string[] = [];
  const openCodes: Open[] = [];
  let inDescription = false;
  let sawRoot = false;
  let opened = 0;
  // Codes are complete when they close (children first); they are listed in the file's order.
  const order = new Map<string, number>();
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("doctype", () => {
    throw new Refused({ kind: "doctype" });
  });
  parser.on("error", () => {
    throw new Refused({ kind: "notXml", line: parser.line });
  });
  parser.on("opentag", (tag) => {
    if (!sawRoot) {
      sawRoot = true;
      if (tag.local !== "CodeBook" || (tag.uri !== CODEBOOK_NAMESPACE && tag.uri !== "")) {
        throw new Refused({ kind: "wrongRoot" });
      }
    }
    const path = elements.join("/");
    elements.push(tag.local);
    const inCodes = path === "CodeBook/Codes" || (openCodes.length > 0 && path.endsWith("/Code"));
    if (tag.local === "Code" && inCodes) {
      const label = normalizeTagLabel(attribute(tag, "name") ?? "");
      if (!label) throw new Refused({ kind: "codeWithoutName" });
      if (label.length > labelMax) throw new Refused({ kind: "nameTooLong", name: label, max: labelMax });
      openCodes.push({
        label,
        definition: "",
        colour: colourOf(attribute(tag, "color")),
        isCodable: attribute(tag, "isCodable")?.trim() !== "false" && attribute(tag, "isCodable")?.trim() !== "0",
        order: opened++,
      });
    } else if (tag.local === "Description" && path.endsWith("/Code") && openCodes.length > 0) {
      inDescription = true;
    }
  });
  const onText = (text: string) => {
    if (inDescription) openCodes.at(-1)!.definition += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    elements.pop();
    if (tag.local === "Description") inDescription = false;
    else if (tag.local === "Code" && openCodes.length > 0 && !inDescription) {
      const code = openCodes.pop()!;
      const key = tagKey(code.label);
      order.set(key, Math.min(order.get(key) ?? Infinity, code.order));
      addCode(codes, code, openCodes[0] ?? null);
      if (codes.size > QDC_MAX_CODES) throw new Refused({ kind: "tooManyCodes", max: QDC_MAX_CODES });
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    return { ok: false, error: { kind: "notXml" } };
  }
  if (!sawRoot) return { ok: false, error: { kind: "notXml" } };
  if (codes.size === 0) return { ok: false, error: { kind: "noCodes" } };
  const inFileOrder = [...codes.values()].sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  return { ok: true, codes: orderParentsFirst(inFileOrder) };
}

/** A code closes after its children: it is added then, or completes the entry a child made for it. */
function addCode(codes: Map<string, ImportedCode>, code: Open, top: Open | null) {
  const key = tagKey(code.label);
  const parentKey = top ? tagKey(top.label) : null;
  const existing = codes.get(key);
  const definition = code.definition.trim();
  if (existing) {
    existing.definition ||= definition;
    existing.colour ??= code.colour;
    if (existing.parentKey === null && parentKey !== key && !existing.hasChildren) existing.parentKey = parentKey;
    return;
  }
  codes.set(key, {
    label: code.label,
    key,
    definition,
    colour: code.colour,
    isCodable: code.isCodable,
    parentKey: parentKey === key ? null : parentKey,
    hasChildren: false,
  });
  if (parentKey && parentKey !== key) {
    // The top-level ancestor closes later; note now that it has children.
    const parent = codes.get(parentKey);
    if (parent) {
      parent.hasChildren = true;
      parent.parentKey = null;
    }
  }
}

/** Top-level codes first, so that a child's parent exists when the child is created. */
function orderParentsFirst(codes: ImportedCode[]): ImportedCode[] {
  const parents = new Set(codes.flatMap((c) => (c.parentKey ? [c.parentKey] : [])));
  for (const code of codes) {
    if (parents.has(code.key)) {
      code.hasChildren = true;
      code.parentKey = null;
    }
  }
  // A child whose parent entry is missing (impossible unless merged away) goes to the top.
  const keys = new Set(codes.map((c) => c.key));
  for (const code of codes) if (code.parentKey && !keys.has(code.parentKey)) code.parentKey = null;
  return [...codes.filter((c) => !c.parentKey), ...codes.filter((c) => c.parentKey)];
}
