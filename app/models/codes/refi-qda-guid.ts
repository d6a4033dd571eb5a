import { sha1 } from "@oslojs/crypto/sha1";

/**
 * REFI-QDA names everything by GUID. Ours are UUIDs of version 5 (RFC 9562 §5.5: SHA-1 of a
 * namespace and a name) made from our own ids, so they are stable: exporting the same codebook
 * twice gives the same GUIDs, and a tool that re-imports it recognises its codes. The namespace
 * is Maillage's own; the name says what the id is ("code:<id>"), so a note and a code never share
 * a GUID.
 */
const MAILLAGE_NAMESPACE = "87275a61-06e3-453b-b3cf-0806d7ec6b01";

export type GuidKind = "code" | "user" | "note" | "passage" | "coding" | "project";

const namespaceBytes = hexBytes(MAILLAGE_NAMESPACE.replaceAll("-", ""));

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** "3F2504E0-4F89-51D3-9A0C-0305E82C3301": upper case, as ATLAS.ti, NVivo and QualCoder write them. */
export function refiGuid(kind: GuidKind, id: string): string {
  const name = new TextEncoder().encode(`${kind}:${id}`);
  const input = new Uint8Array(namespaceBytes.length + name.length);
  input.set(namespaceBytes);
  input.set(name, namespaceBytes.length);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)]
    .join("-")
    .toUpperCase();
}
