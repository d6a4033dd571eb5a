import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { DecodedUpdate } from "../../app/models/documents/document-kind";
import { awarenessMessage, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, syncStep2 } from "./messages";
import type { Client, Room } from "./room";

/** A message this server will not process; the socket that sent it is closed (1007 unless said). */
export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode = 1007,
  ) {
    super(message);
  }
}

/** Close codes for a socket over its presence limits (presence flooding, issue 13). */
export const CLOSE_PRESENCE_TOO_BIG = 4413;
export const CLOSE_PRESENCE_TOO_OFTEN = 4429;
/** Close code for an update that would take a document out of its kind's schema. */
export const CLOSE_OUTSIDE_SCHEMA = 4422;

/** What one socket may send in presence (options.ts). */
export type PresenceLimits = { maxPresenceBytes: number; presencePerSecond: number };

/**
 * Handles one binary message of the y-websocket protocol from `client`. Every byte from the
 * network is treated as hostile: lengths are checked by lib0's decoder, updates are decoded
 * before they are stored, awareness entries must be JSON and belong to this socket, and
 * anything left over or unknown is an error — for this socket only (tldraw's rejectSession).
 */
export function handleMessage(room: Room, client: Client, message: Uint8Array, limits: PresenceLimits): void {
  if (message.length === 0) throw new ProtocolError("empty message");
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC:
      handleSync(room, client, decoder);
      break;
    case MESSAGE_AWARENESS:
      spendPresenceBudget(client, limits);
      handleAwareness(room, client, decoding.readVarUint8Array(decoder), limits);
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
    room.send(client, syncStep2(missing));
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
  const decoded = decodeUpdate(update);
  // Every client answers our sync step 1 with what we miss — usually nothing: not worth a row.
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
  // That answer is computed from the state vector we sent: an edit the client typed meanwhile
  // is in it *and* in its own update message, already stored. Once per connection, so the
  // check costs nothing on the typing path.
  if (subtype === syncProtocol.messageYjsSyncStep2 && alreadyStored(room, update)) return;
  // The kind's schema: an update that would take the content out of it is refused whole.
  if (room.name.kind.checkUpdate) {
    room.ensureLoaded();
    const problem = room.name.kind.checkUpdate(decoded, room.doc);
    if (problem) throw new ProtocolError(`outside the document's schema (${problem})`, CLOSE_OUTSIDE_SCHEMA);
  }
  room.receive(update, client);
}

/** The update adds nothing to what the room holds (insertions only: deletions cannot be compared). */
function alreadyStored(room: Room, update: Uint8Array): boolean {
  const stateVector = room.loaded ? Y.encodeStateVector(room.doc) : room.loadedStateVector;
  if (!stateVector) return false;
  const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, stateVector));
  return structs.length === 0 && ds.clients.size === 0;
}

/** An update with no structs and no deletions. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** Decodes the whole update so that garbage is refused before it reaches the store. */
function decodeUpdate(update: Uint8Array): DecodedUpdate {
  if (update.length === 0) throw new ProtocolError("empty update");
  if (update.length === 2 && update[0] === 0 && update[1] === 0) return NOTHING; // no structs, no deletions
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError(`malformed update (${String(error)})`);
  }
}

const NOTHING: DecodedUpdate = Y.decodeUpdate(new Uint8Array([0, 0]));

/**
 * y-websocket clients echo every awareness change they receive, other people's included, so
 * entries for ids another socket introduced are expected — and are dropped here, so that no
 * socket can move or erase someone else's cursor. A socket has one presence of its own: the
 * first id it introduces; any other id it sends is dropped too (a flood of made-up ids is
 * neither kept nor relayed). A state larger than the limit closes the socket.
 */
function handleAwareness(room: Room, client: Client, update: Uint8Array, limits: PresenceLimits): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  let own: number | undefined = client.awarenessIds.values().next().value;
  const kept: { id: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (state.length > limits.maxPresenceBytes) {
      throw new ProtocolError(`presence state of ${state.length} characters`, CLOSE_PRESENCE_TOO_BIG);
    }
    try {
      JSON.parse(state);
    } catch {
      throw new ProtocolError("awareness state is not JSON");
    }
    if (own === undefined && !ownedByAnother(room, client, id)) own = id;
    if (id === own) kept.push({ id, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing awareness bytes");
  if (kept.length === 0) return;
  applyAwarenessUpdate(room.awareness, kept.length === count ? update : encodeEntries(kept), client);
}

/**
 * A token bucket per socket: `presencePerSecond` sustained, bursts of twice as many. A cursor
 * moving while someone types sends about ten a second; a socket far beyond is closed.
 */
function spendPresenceBudget(client: Client, limits: PresenceLimits): void {
  const now = Date.now();
  const capacity = 2 * limits.presencePerSecond;
  client.presenceBudget = Math.min(
    capacity,
    client.presenceBudget + ((now - client.presenceAt) / 1000) * limits.presencePerSecond,
  );
  client.presenceAt = now;
  if (client.presenceBudget < 1) throw new ProtocolError("too many presence updates", CLOSE_PRESENCE_TOO_OFTEN);
  client.presenceBudget -= 1;
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
