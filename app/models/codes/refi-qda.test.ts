import { describe, expect, test } from "vitest";
import { tagKey } from "../notes/tag-label";
import type { CodebookCode } from "./codebook";
import { codebookDocument, codeTree } from "./refi-qda-codebook";
import { refiGuid } from "./refi-qda-guid";
import { parseCodebook } from "./refi-qda-parse";
import { codePointOffsets } from "./refi-qda-positions";
import { locatePassage } from "./refi-qda-project";

const code = (fields: Partial<CodebookCode> & { id: string; label: string }): CodebookCode => ({
  definition: "",
  colour: "#1f6f8b",
  parentId: null,
  retired: false,
  mergedIntoId: null,
  ...fields,
});

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (xml: string) => parseCodebook(bytes(xml), { labelMax: 40 });
const qdc = (codes: string) =>
  `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`;

describe("REFI-QDA GUIDs", () => {
  test("are UUIDs of version 5, the same for the same id, different across kinds", () => {
    const guid = refiGuid("code", "ck123");
    expect(guid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(refiGuid("code", "ck123")).toBe(guid);
    expect(refiGuid("note", "ck123")).not.toBe(guid);
    expect(refiGuid("code", "ck124")).not.toBe(guid);
  });
});

describe("positions in code points", () => {
  test("are the offsets themselves without characters outside the BMP", () => {
    const at = codePointOffsets("Épicerie à Die");
    expect([0, 3, 14].map(at)).toEqual([0, 3, 14]);
  });

  test("count an emoji once", () => {
    const text = "Le 🚚 passe à Châtillon 🙂.";
    const at = codePointOffsets(text);
    const start = text.indexOf("passe");
    expect(at(start)).toBe([...text.slice(0, start)].length);
    expect(at(text.length)).toBe([...text].length);
    // An offset between the halves of a pair is after the character.
    expect(at(text.indexOf("🚚") + 1)).toBe(at(text.indexOf("🚚") + 2));
  });
});

describe("locating a passage in the text read now", () => {
  test("keeps its offsets while its text is there, else finds the nearest copy, else gives up", () => {
    const text = "le marché, puis le marché couvert";
    expect(locatePassage(text, { text: "marché", start: 3, end: 9 })).toEqual({ start: 3, end: 9 });
    expect(locatePassage(`xx${text}`, { text: "marché", start: 18, end: 24 })).toEqual({ start: 21, end: 27 });
    expect(locatePassage(text, { text: "foire", start: 3, end: 8 })).toBeNull();
  });
});

describe("codebook export", () => {
  test("nests children, leaves merged codes out, marks retired codes not codable, escapes", () => {
    const codes = [
      code({ id: "a", label: "Mobilité", definition: "Se déplacer <sans> voiture & co" }),
      code({ id: "b", label: "Covoiturage", parentId: "a", colour: "#A1B2C3" }),
      code({ id: "c", label: "Auto-stop", parentId: "a", retired: true }),
      code({ id: "d", label: "Covoit", mergedIntoId: "b" }),
      code({ id: "e", label: "Sous « merged »", parentId: "d" }),
    ];
    const tree = codeTree(codes);
    expect(tree.map((n) => n.code.label)).toEqual(["Mobilité"]);
    expect(tree[0]!.children.map((n) => n.code.label)).toEqual(["Auto-stop", "Covoiturage"]);
    // A child of a merged code goes under the code it was merged into.
    expect(tree[0]!.children[1]!.children.map((n) => n.code.label)).toEqual(["Sous « merged »"]);
    const xml = codebookDocument(codes)!;
    expect(xml).toContain("<Description>Se déplacer &lt;sans&gt; voiture &amp; co</Description>");
    expect(xml).toContain(`guid="${refiGuid("code", "c")}" name="Auto-stop" isCodable="false"`);
    expect(xml).toContain('color="#a1b2c3"');
    expect(xml).not.toContain('name="Covoit"');
  });

  test("has no file for an empty codebook", () => {
    expect(codebookDocument([])).toBeNull();
    expect(codebookDocument([code({ id: "x", label: "X", mergedIntoId: "y" })])).toBeNull();
  });

  test("reads back what it writes", () => {
    const codes = [
      code({ id: "a", label: "Mobilité", definition: "Ligne 1\nLigne 2", colour: "#123abc" }),
      code({ id: "b", label: "Covoiturage", parentId: "a" }),
    ];
    const parsed = parseCodebook(bytes(codebookDocument(codes)!), { labelMax: 40 });
    expect(parsed).toEqual({
      ok: true,
      codes: [
        expect.objectContaining({
          label: "Mobilité",
          definition: "Ligne 1\nLigne 2",
          colour: "#123abc",
          parentKey: null,
        }),
        expect.objectContaining({ label: "Covoiturage", parentKey: tagKey("Mobilité"), hasChildren: false }),
      ],
    });
  });
});

describe("codebook import parsing", () => {
  test("flattens nesting deeper than one level under the top-level ancestor", () => {
    const parsed = parse(
      qdc(
        `<Code guid="1" name="A" isCodable="false"><Description>Tout A</Description>` +
          `<Code guid="2" name="B" isCodable="true" color="#abc"><Code guid="3" name="C" isCodable="true"/></Code></Code>`,
      ),
    );
    expect(parsed.ok && parsed.codes.map((c) => [c.label, c.parentKey, c.colour, c.hasChildren])).toEqual([
      ["A", null, null, true],
      ["B", tagKey("A"), "#aabbcc", false],
      ["C", tagKey("A"), null, false],
    ]);
    expect(parsed.ok && parsed.codes[0]!.definition).toBe("Tout A");
  });

  test("takes two codes with the same name for us as one", () => {
    const parsed = parse(
      qdc(
        `<Code guid="1" name="Marché" isCodable="true"/><Code guid="2" name="  MARCHÉ " isCodable="true"><Description>Le marché</Description></Code>`,
      ),
    );
    expect(parsed.ok && parsed.codes.map((c) => [c.label, c.definition])).toEqual([["Marché", "Le marché"]]);
  });

  test("refuses a DOCTYPE, entities, other roots and broken files", () => {
    const billion = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1" name="&lol2;" isCodable="true"/></Codes></CodeBook>`;
    expect(parse(billion)).toEqual({ ok: false, error: { kind: "doctype" } });
    const external = `<!DOCTYPE CodeBook SYSTEM "file:///etc/passwd"><CodeBook/>`;
    expect(parse(external)).toEqual({ ok: false, error: { kind: "doctype" } });
    expect(parse(qdc(`<Code guid="1" name="&xxe;" isCodable="true"/>`))).toMatchObject({
      ok: false,
      error: { kind: "notXml" },
    });
    expect(parse(`<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>`)).toEqual({
      ok: false,
      error: { kind: "wrongRoot" },
    });
    expect(parse("code;définition\nMarché;")).toMatchObject({ ok: false, error: { kind: "notXml" } });
    expect(parse(qdc(`<Code guid="1" name="A"`))).toMatchObject({ ok: false, error: { kind: "notXml" } });
    expect(parseCodebook(new Uint8Array([0xc3, 0x28, 0xff]), { labelMax: 40 })).toEqual({
      ok: false,
      error: { kind: "notText" },
    });
    expect(parse(qdc(""))).toEqual({ ok: false, error: { kind: "noCodes" } });
    expect(parse(qdc(`<Code guid="1" name=" " isCodable="true"/>`))).toEqual({
      ok: false,
      error: { kind: "codeWithoutName" },
    });
    expect(parse(qdc(`<Code guid="1" name="${"x".repeat(41)}" isCodable="true"/>`))).toMatchObject({
      ok: false,
      error: { kind: "nameTooLong", max: 40 },
    });
  });

  test("reads a UTF-16 file with its byte order mark", () => {
    const text = qdc(`<Code guid="1" name="Été" isCodable="true"/>`).replace('encoding="utf-8"', 'encoding="utf-16"');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const parsed = parseCodebook(utf16, { labelMax: 40 });
    expect(parsed.ok && parsed.codes.map((c) => c.label)).toEqual(["Été"]);
  });
});
