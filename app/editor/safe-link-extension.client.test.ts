import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { Mark, Node as PMNode, DOMOutputSpec } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { LINK_REL, SafeLink } from "./safe-link-extension.client";

/**
 * The last gate: a link mark that reached the document without the editor's checks (written
 * straight into the Y.Doc by another client) renders without a dangerous href. Runs without a
 * DOM: the mark's DOM spec is what ProseMirror turns into elements.
 */
const schema = getSchema([StarterKit.configure({ undoRedo: false, link: false }), SafeLink]);

function linkSpecs(doc: PMNode): Record<string, unknown>[] {
  const specs: Record<string, unknown>[] = [];
  doc.descendants((node) => {
    node.marks
      .filter((mark: Mark) => mark.type.name === "link")
      .forEach((mark) => {
        const spec = mark.type.spec.toDOM!(mark, true) as DOMOutputSpec as [string, Record<string, unknown>, 0];
        expect(spec[0]).toBe("a");
        specs.push(spec[1]);
      });
  });
  return specs;
}

function docWithLink(attrs: Record<string, unknown>): PMNode {
  const ydoc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  ydoc.getXmlFragment("default").insert(0, [paragraph]);
  text.insert(0, "cliquez ici", { link: attrs });
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment("default"), schema);
}

describe("SafeLink rendering of marks received through Yjs", () => {
  test.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.domain)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "",
  ])("%j renders as an <a> without href", (href) => {
    const [attributes] = linkSpecs(docWithLink({ href }));
    expect(attributes).toEqual({ class: "link-inert" });
  });

  test("a safe link keeps its href and gets our target and rel, whatever the sender set", () => {
    const [attributes] = linkSpecs(
      docWithLink({
        href: "https://exemple.fr/a",
        target: "_self",
        rel: "opener",
        class: "skip-link",
        title: "Mairie",
      }),
    );
    expect(attributes).toEqual({ href: "https://exemple.fr/a", target: "_blank", rel: LINK_REL, title: "Mairie" });
  });

  test("text typed right after a link is not part of it", () => {
    const doc = docWithLink({ href: "https://exemple.fr/page" });
    const end = doc.content.size - 1; // inside the paragraph, just after "cliquez ici"
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, end) });
    const after = state.apply(state.tr.insertText(" suite"));
    const linked: string[] = [];
    after.doc.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.type.name === "link")) linked.push(node.text!);
    });
    expect(linked).toEqual(["cliquez ici"]);
    expect(after.doc.textContent).toBe("cliquez ici suite");
  });

  test("the extension's own checks refuse anything but http(s) and mailto", () => {
    const isAllowedUri = SafeLink.options.isAllowedUri;
    const context = { defaultValidate: () => true, protocols: [], defaultProtocol: "https" };
    expect(isAllowedUri("javascript:alert(1)", context)).toBe(false);
    expect(isAllowedUri("data:text/html,x", context)).toBe(false);
    expect(isAllowedUri("https://exemple.fr", context)).toBe(true);
    expect(isAllowedUri("mailto:a@exemple.fr", context)).toBe(true);
  });
});
