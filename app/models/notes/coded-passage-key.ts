import * as buf from "lib0/buffer";
import * as sha256 from "lib0/hash/sha256";
import { CODED_PASSAGE, type CodedPassageAttrs } from "./coded-passage-mark";

/**
 * The Yjs format key under which y-tiptap stores a coded passage's mark:
 * "codedPassage--<8 base64 characters>", a digest of the mark's JSON folded to 6 bytes. The
 * editor computes it itself; code that writes marks without an editor (demo data, benchmarks)
 * must produce the very same key, or y-tiptap cannot read the mark back and drops the text
 * (app/models/documents/rich-text-schema.ts refuses other keys). Checked against y-tiptap in
 * coded-passage-key.test.ts.
 */
export function codedPassageKey(attrs: CodedPassageAttrs): string {
  const digest = sha256.digest(
    buf.encodeAny({ type: CODED_PASSAGE, attrs: { code: attrs.code, passage: attrs.passage, by: attrs.by } }),
  );
  const folded = digest.slice();
  for (let i = 6; i < folded.length; i++) folded[i % 6] = folded[i % 6]! ^ folded[i]!;
  return `${CODED_PASSAGE}--${buf.toBase64(folded.slice(0, 6))}`;
}
