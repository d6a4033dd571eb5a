import { compareCodeLabels, indexCodebook, resolveCode, type CodebookCode } from "./codebook";
import { refiGuid } from "./refi-qda-guid";
import { xmlAttributes, xmlText } from "./refi-qda-xml";

/**
 * The codebook in REFI-QDA's words (REFI-QDA Codebook 1.0, `urn:QDA-XML:codebook:1.0`): each
 * code a `<Code guid name isCodable color>` with its definition as `<Description>` and its
 * children inside it. Pure: the `.qdc` export writes it whole, the `.qdpx` export puts the same
 * `<Codes>` inside its project file.
 *
 * - Merged codes are not codes of their own any more: left out (their passages are exported
 *   under the code they were merged into, and a child of a merged code moves under it too).
 * - Retired codes are exported with `isCodable="false"`: their passages still refer to them (a
 *   `.qdpx` must be able to say so), and a tool reading the file will not offer them for new
 *   coding, which is what retiring means here.
 */
export const CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0";
export const PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";
export const REFI_ORIGIN = "Maillage";

export type CodeNode = { code: CodebookCode; children: CodeNode[] };

/** The exported codes as a tree: top-level codes and their children, in French order of labels. */
export function codeTree(codebook: readonly CodebookCode[]): CodeNode[] {
  const byId = indexCodebook(codebook);
  const kept = codebook.filter((code) => code.mergedIntoId === null).sort(compareCodeLabels);
  const nodes = new Map(kept.map((code) => [code.id, { code, children: [] } as CodeNode]));
  const roots: CodeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.code.parentId ? resolveCode(byId, node.code.parentId) : null;
    const parentNode = parent && parent.id !== node.code.id ? nodes.get(parent.id) : undefined;
    // One level of grouping in our codebook; a deeper or looping chain written by hand in the
    // database is put back at the top rather than lost.
    if (parentNode && !inAncestry(parentNode, node, byId)) parentNode.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Whether `node` is among `candidate`'s parents (attaching it there would make a loop). */
function inAncestry(candidate: CodeNode, node: CodeNode, byId: Map<string, CodebookCode>): boolean {
  let current: CodebookCode | null = candidate.code;
  for (let hops = 0; current && hops < 64; hops++) {
    if (current.id === node.code.id) return true;
    current = current.parentId ? resolveCode(byId, current.parentId) : null;
  }
  return current !== null;
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

function codeXml(node: CodeNode, indent: string): string {
  const { code } = node;
  const attributes = xmlAttributes({
    guid: refiGuid("code", code.id),
    name: code.label,
    isCodable: !code.retired,
    color: COLOUR.test(code.colour) ? code.colour.toLowerCase() : null,
  });
  const inner = [
    code.definition.trim() ? `${indent}  <Description>${xmlText(code.definition)}</Description>\n` : "",
    ...node.children.map((child) => codeXml(child, `${indent}  `)),
  ].join("");
  return inner ? `${indent}<Code${attributes}>\n${inner}${indent}</Code>\n` : `${indent}<Code${attributes}/>\n`;
}

/** `<Codes>…</Codes>`, or "" when there is no code (the schemas want at least one). */
export function codesXml(tree: CodeNode[], indent = "  "): string {
  if (tree.length === 0) return "";
  return `${indent}<Codes>\n${tree.map((node) => codeXml(node, `${indent}  `)).join("")}${indent}</Codes>\n`;
}

/** A whole `.qdc` file, or null when the codebook has no code to export (the schema refuses an empty one). */
export function codebookDocument(codebook: readonly CodebookCode[]): string | null {
  const codes = codesXml(codeTree(codebook));
  if (!codes) return null;
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<CodeBook${xmlAttributes({ xmlns: CODEBOOK_NAMESPACE, origin: REFI_ORIGIN })}>\n${codes}</CodeBook>\n`
  );
}
