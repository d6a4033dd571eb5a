import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { DecodedUpdate } from "./document-kind";

/**
 * What a rich-text document (Tiptap bound to a Y.XmlFragment by y-tiptap) may hold, read from
 * the editor's own ProseMirror schema so that the server and the editor cannot disagree:
 * which element may sit in which (`children`, "text" for text), which attributes an element
 * may carry, and which marks text may carry.
 */
export type RichTextRules = {
  root: string;
  children: ReadonlyMap<string, ReadonlySet<string>>;
  attributes: ReadonlyMap<string, ReadonlySet<string>>;
  marks: ReadonlySet<string>;
};

/** The rules of a ProseMirror schema, its top node standing for the root fragment. */
export function rulesFromSchema(schema: Schema, root: string): RichTextRules {
  const children = new Map<string, Set<string>>();
  const attributes = new Map<string, Set<string>>();
  for (const type of Object.values(schema.nodes)) {
    const name = type === schema.topNodeType ? root : type.name;
    // Every node type the content expression can reach, in any position: the order rules
    // (a list item starts with a paragraph…) are the editor's to keep; the server refuses
    // what no order makes valid.
    const reachable = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (match: typeof type.contentMatch) => {
      if (seen.has(match)) return;
      seen.add(match);
      for (let i = 0; i < match.edgeCount; i++) {
        const edge = match.edge(i);
        reachable.add(edge.type.name);
        walk(edge.next);
      }
    };
    walk(type.contentMatch);
    children.set(name, reachable);
    attributes.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  }
  return { root, children, attributes, marks: new Set(Object.keys(schema.marks)) };
}

type Parent = { kind: "root"; name: string } | { kind: "type"; type: Y.AbstractType<unknown> } | null;

/**
 * A checker for a kind's `checkUpdate`: each new item of the update must keep the fragment in
 * the rules — an element of a known name inside a parent that may hold it, text only where
 * text may be, known attributes, known marks. Its cost follows the update's size: parents are
 * found in the update itself or, by id, in the room's document.
 */
export function richTextChecker(rules: RichTextRules) {
  return (update: DecodedUpdate, doc: Y.Doc): string | null => {
    const inUpdate = indexById(update.structs);
    for (const struct of update.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const problem = checkItem(struct, parentOf(struct, inUpdate, doc), rules);
      if (problem) return problem;
    }
    return null;
  };
}

function checkItem(item: Y.Item, parent: Parent, rules: RichTextRules): string | null {
  if (parent === null) return null; // next to collected content: Yjs drops the item itself
  const parentName = parent.kind === "root" ? parent.name : nameOf(parent.type);
  if (parent.kind === "root" && parent.name !== rules.root) return `unknown root "${parent.name}"`;
  if (parentName === null) return "content inside a type that is not rich text";
  const content = item.content;
  if (item.parentSub !== null) {
    // An attribute of an element (y-tiptap stores node attributes this way).
    if (parent.kind === "root" || !(parent.type instanceof Y.XmlElement)) return "a keyed entry outside an element";
    const allowed = rules.attributes.get(parentName);
    return allowed?.has(item.parentSub) ? null : `attribute "${item.parentSub}" on "${parentName}"`;
  }
  if (content instanceof Y.ContentType) {
    const type = content.type;
    const name = type instanceof Y.XmlElement ? type.nodeName : type instanceof Y.XmlText ? "text" : null;
    if (name === null) return `a ${type.constructor.name} inside "${parentName}"`;
    if (name !== "text" && !rules.children.has(name)) return `unknown element "${name}"`;
    return rules.children.get(parentName)?.has(name) ? null : `"${name}" inside "${parentName}"`;
  }
  if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) {
    if (parentName !== "text") return `text directly inside "${parentName}"`;
    if (content instanceof Y.ContentFormat && !rules.marks.has(markName(content.key))) {
      return `unknown mark "${content.key}"`;
    }
    return null;
  }
  if (content instanceof Y.ContentDeleted) return null;
  return `${content.constructor.name} inside "${parentName}"`;
}

/**
 * y-tiptap keys a mark that may overlap itself as "<name>--<hash>", the hash being 8 base64
 * characters, and reads the name back with this very pattern (yattr2markname): a key it would
 * not strip names no mark of the schema, and a client failing to build it deletes the text.
 */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function markName(key: string): string {
  return HASHED_MARK.exec(key)?.[1] ?? key;
}

function nameOf(type: Y.AbstractType<unknown>): string | null {
  if (type instanceof Y.XmlElement) return type.nodeName;
  if (type instanceof Y.XmlText) return "text";
  return null;
}

type UpdateIndex = Map<number, Y.Item[]>;

function indexById(structs: DecodedUpdate["structs"]): UpdateIndex {
  const index: UpdateIndex = new Map();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    let list = index.get(struct.id.client);
    if (!list) index.set(struct.id.client, (list = []));
    list.push(struct);
  }
  return index;
}

/** The item of the update whose clock range holds `id`. */
function findInUpdate(index: UpdateIndex, id: Y.ID): Y.Item | null {
  for (const item of index.get(id.client) ?? []) {
    if (id.clock >= item.id.clock && id.clock < item.id.clock + item.length) return item;
  }
  return null;
}

/**
 * Where an item goes: its parent is written in the update (a root name, or the id of the
 * element holding it), or, when the item has a neighbour, it is its neighbour's parent.
 */
function parentOf(item: Y.Item, index: UpdateIndex, doc: Y.Doc, depth = 0): Parent {
  if (depth > 10_000) return null;
  const parent = item.parent as unknown;
  if (typeof parent === "string") return { kind: "root", name: parent };
  if (parent instanceof Y.ID) return typeWithId(parent, index, doc);
  const neighbour = item.origin ?? item.rightOrigin;
  if (!neighbour) return null;
  const inUpdate = findInUpdate(index, neighbour);
  if (inUpdate) return parentOf(inUpdate, index, doc, depth + 1);
  const inDoc = itemInDoc(doc, neighbour);
  if (!inDoc || !(inDoc.parent instanceof Y.AbstractType)) return null;
  return integratedParent(inDoc.parent);
}

/** The type created by the item with this id, from the update or the document. */
function typeWithId(id: Y.ID, index: UpdateIndex, doc: Y.Doc): Parent {
  const created = findInUpdate(index, id) ?? itemInDoc(doc, id);
  if (!created) return null;
  return created.content instanceof Y.ContentType ? { kind: "type", type: created.content.type } : null;
}

function integratedParent(type: Y.AbstractType<unknown>): Parent {
  return type._item === null ? { kind: "root", name: Y.findRootTypeKey(type) } : { kind: "type", type };
}

function itemInDoc(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if ((Y.getState(doc.store, id.client) ?? 0) <= id.clock) return null;
  const struct = Y.getItem(doc.store, id);
  return struct instanceof Y.Item ? struct : null;
}
