import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { expect, it } from "vitest";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { noteSchema } from "~/models/notes/note-schema.server";
import { noteExtensions } from "./editor-extensions.client";

/** Node and mark names with their attribute names: what the server's check reads. */
function shape(schema: Schema) {
  const attributes = (spec: { attrs?: object | null }) => Object.keys(spec.attrs ?? {}).sort();
  return {
    nodes: Object.fromEntries(Object.values(schema.nodes).map((type) => [type.name, attributes(type.spec)])),
    marks: Object.fromEntries(Object.values(schema.marks).map((type) => [type.name, attributes(type.spec)])),
  };
}

it("the server checks notes against the editor's own schema", () => {
  // The provider is only held by the caret extension for later; building the schema never reads it.
  const provider = { awareness: null } as unknown as WebsocketProvider;
  const editorSchema = getSchema(
    noteExtensions({ doc: new Y.Doc(), provider, user: { id: "u", name: "U", color: "#123456" } }),
  );
  expect(shape(noteSchema)).toEqual(shape(editorSchema));
});
