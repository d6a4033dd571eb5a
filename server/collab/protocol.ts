import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import {
  awarenessMessage,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  type Client,
  type Room,
} from "./room";

/** A message this server will not process; the socket that sent it is closed (1007). */
export class ProtocolError extends Error {}

/**
 * Handles one binary message of the y-websocket protocol from `client`. Every byte from the
 * network is treated as hostile: lengths are checked by lib0's decoder, updates are decoded
 * before they are stored, awareness entries must be JSON and belong to this socket, and
 * anything left over or unknown is an error — for this socket only (tldraw's rejectSession).
 */
export function handleMessage(room: Room, client: Client, message: Uint8Array): void {
  if (message.length === 0) throw new ProtocolError("empty message");
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC:
      handleSync(room, client, decoder);
      break;
    case MESSAGE_AWARENESS:
      handleAwareness(room, client, decoding.readVarUint8Array(decoder));
      break;
    case MESSAGE_QUERY_AWARENESS:
      room.send(
        client,
        awarenessMessage(encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()])),
      );
      break;
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes");
}

function handleSync(room: Room, client: Client, decoder: decoding.Decoder): void {
  const subtype = decoding.readVarUint(decoder);
  if (subtype === syncProtocol.messageYjsSyncStep1) {
    const stateVector = decoding.readVarUint8Array(decoder);
    // Throws on a malformed state vector, before anything is sent.
    Y.decodeStateVector(stateVector);
    // A client sent the stored bytes of a cold document asked before they arrived: it only
    // misses what changed since they were read, not the whole document a second time — and
    // while the document is not built, nothing has changed since.
    const sentStored = client.sentStored;
    client.sentStored = false;
    if (!sentStored) room.ensureLoaded();
    const missing = room.loaded
      ? Y.encodeStateAsUpdate(room.doc, sentStored && room.loadedStateVector ? room.loadedStateVector : stateVector)
      : EMPTY_UPDATE;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, missing);
    room.send(client, encoding.toUint8Array(encoder));
    return;
  }
  if (subtype !== syncProtocol.messageYjsSyncStep2 && subtype !== syncProtocol.messageYjsUpdate) {
    throw new ProtocolError(`unknown sync message ${subtype}`);
  }
  const update = decoding.readVarUint8Array(decoder);
  if (client.readOnly) {
    // Readers' edits are dropped: never applied, broadcast or stored.
    client.dropped++;
    return;
  }
  // Every client answers our sync step 1 with what we miss — usually nothing: not worth a row.
  if (isEmptyUpdate(update)) return;
  room.receive(update, client);
}

/** An update with no structs and no deletions. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** Decodes the whole update so that garbage is refused before it reaches the store. */
function isEmptyUpdate(update: Uint8Array): boolean {
  if (update.length === 0) throw new ProtocolError("empty update");
  if (update.length === 2 && update[0] === 0 && update[1] === 0) return true; // no structs, no deletions
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    return structs.length === 0 && ds.clients.size === 0;
  } catch (error) {
    throw new ProtocolError(`malformed update (${String(error)})`);
  }
}

/**
 * y-websocket clients echo every awareness change they receive, other people's included, so
 * entries for ids another socket introduced are expected — and are dropped here, so that no
 * socket can move or erase someone else's cursor. The rest is applied and relayed.
 */
function handleAwareness(room: Room, client: Client, update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { id: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    try {
      JSON.parse(state);
    } catch {
      throw new ProtocolError("awareness state is not JSON");
    }
    if (!ownedByAnother(room, client, id)) kept.push({ id, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing awareness bytes");
  if (kept.length === 0) return;
  applyAwarenessUpdate(room.awareness, kept.length === count ? update : encodeEntries(kept), client);
}

function ownedByAnother(room: Room, client: Client, id: number): boolean {
  for (const other of room.clients.values()) if (other !== client && other.awarenessIds.has(id)) return true;
  return false;
}

function encodeEntries(entries: { id: number; clock: number; state: string }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { id, clock, state } of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
