/**
 * The reference: the stock y-websocket server (@y/websocket-server), exactly as its own
 * src/server.js wires it — setupWSConnection on every upgrade, no auth, no persistence (the
 * bench removes YPERSISTENCE and CALLBACK_URL from this child's environment). Listens on
 * 127.0.0.1, port 0, and prints the URL so the bench can find it.
 */
import http from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ noServer: true });
wss.on("connection", setupWSConnection);

const server = http.createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("okay");
});
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`stock y-websocket server listening on http://127.0.0.1:${port}`);
});

process.once("SIGTERM", () => process.exit(0));
