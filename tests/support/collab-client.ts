import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/**
 * Real y-websocket providers for server tests, in Node: the `ws` client carries the session
 * cookie and an Origin header, as a browser would.
 */
export function socketClass(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

export type TestProvider = { doc: Y.Doc; provider: WebsocketProvider; text: Y.XmlText; destroy: () => void };

/** A provider on `docName`; `text` is a Y.XmlText inside the "default" fragment, created on first use. */
export function connect(
  serverUrl: string,
  docName: string,
  { cookie, origin = serverUrl }: { cookie?: string; origin?: string },
): TestProvider {
  const doc = new Y.Doc();
  const headers: Record<string, string> = { origin };
  if (cookie) headers.cookie = cookie;
  const provider = new WebsocketProvider(serverUrl.replace(/^http/, "ws") + "/collab", docName, doc, {
    WebSocketPolyfill: socketClass(headers) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    get text() {
      return paragraphText(doc);
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The first paragraph's text node of the Tiptap-shaped fragment, creating it if needed. */
export function paragraphText(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment("default");
  let paragraph = fragment.get(0) as Y.XmlElement | undefined;
  if (!paragraph) {
    doc.transact(() => {
      paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      fragment.insert(0, [paragraph]);
    });
  }
  return paragraph!.get(0) as Y.XmlText;
}

export function plainText(doc: Y.Doc): string {
  return doc
    .getXmlFragment("default")
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((t) => (t as Y.XmlText).toString())
            .join("")
        : "",
    )
    .join("\n");
}

export async function until(check: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function synced(provider: WebsocketProvider): Promise<void> {
  return until(() => provider.synced, 5000, "sync");
}

/** Opens a raw socket and reports how the upgrade ended: the HTTP status, or "open". */
export function tryUpgrade(url: string, headers: Record<string, string>): Promise<number | "open"> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on("open", () => {
      socket.close();
      resolve("open");
    });
    socket.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("error", () => resolve(0));
  });
}

/** Opens a raw socket and resolves with the close code once the server closes it. */
export function openRaw(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on("open", () => resolve(socket));
    socket.on("error", reject);
  });
}

export function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once("close", (code) => resolve(code)));
}
