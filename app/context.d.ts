import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
    cspNonce: string;
    /** The client's address (X-Forwarded-For only when TRUST_PROXY is on). */
    clientAddress: string;
    /** Resolves once the response's socket can take more (at once when it can): backpressure for streamed bodies. */
    responseDrained: () => Promise<void>;
    /** The collaboration server's documents (server/collab/documents-service.ts). */
    documents: {
      /**
       * What this user may do on the document: "write", "read", or null when it does not exist
       * or they may not read it. The same rule and reader as the websocket upgrade.
       */
      rights(name: string, userId: string): Promise<"write" | "read" | null>;
      /**
       * The document's stored state as one Yjs update (null when nothing was stored): for a
       * server-side check against the text as it is now (a quote cited from a note). Callers
       * check rights first.
       */
      read(name: string): Promise<Uint8Array | null>;
      /** Closes every open socket on the document with close code 4410 ("document deleted"), at once. */
      closeDocument(name: string): void;
      /** Removes the document's stored updates and snapshot for good (through the document store). */
      removeDocument(name: string): Promise<void>;
    };
  }
}
