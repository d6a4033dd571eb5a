import type { Server } from "node:http";
import type { AppLoadContext } from "@remix-run/node";
import type { RightsReader } from "../../app/models/documents/document-access.server";
import { Connections } from "./connections";
import type { DocumentStore } from "./document-store";
import { runHook, type CollabExtension } from "./extension";
import type { CollabOptions } from "./options";
import { projectionScheduler } from "./projection-scheduler";
import { startRevalidation } from "./revalidation";
import type { Room } from "./room";
import { RoomRegistry } from "./room-registry";
import { documentsService } from "./documents-service";
import { acceptUpgrades } from "./upgrade";

export type CollabServer = {
  rooms: ReadonlyMap<string, Room>;
  /** For the Remix load context: rights, closing and removing documents. */
  documents: AppLoadContext["documents"];
  /** Stores every document (projection, snapshot), closes every socket with 1001. */
  close: () => Promise<void>;
};

/**
 * The y-websocket protocol at /collab/<document name>, on the web server's own port, composed
 * of parts (docs/ARCHITECTURE.md, "The collaboration server"): upgrade.ts admits sockets
 * (limits, authorize.ts), connections.ts reads their messages (protocol.ts), room-registry.ts
 * keeps documents in memory, each room stores its updates through the DocumentStore
 * (room-log.ts) before relaying them, revalidation.ts closes sockets whose rights ended, and
 * extensions react to documents (the projection scheduler is one; `extensions` adds more).
 */
export function attachCollaboration(
  httpServer: Server,
  {
    store,
    reader,
    options,
    extensions = [],
    log = (line) => console.log(`[collab] ${line}`),
  }: {
    store: DocumentStore;
    reader: RightsReader;
    options: CollabOptions;
    /** More parts, after the projection scheduler, in order (extension.ts). */
    extensions?: CollabExtension[];
    log?: (line: string) => void;
  },
): CollabServer {
  const parts: CollabExtension[] = [
    projectionScheduler({ delayMs: options.projectionDelayMs, maxWaitMs: options.projectionMaxWaitMs, log }),
    ...extensions,
  ];
  const registry = new RoomRegistry(store, options, parts, log);
  const connections = new Connections(options, parts, log);
  const upgrades = acceptUpgrades(httpServer, { reader, registry, connections, extensions: parts, options, log });
  const revalidation = startRevalidation({ registry, reader, everyMs: options.revalidateEveryMs, log });

  return {
    rooms: registry.rooms,
    documents: documentsService(registry, reader),
    async close() {
      revalidation.stop();
      await registry.close();
      upgrades.close();
      await runHook(parts, "onDestroy", log);
      await store.close();
      await reader.close();
    },
  };
}
