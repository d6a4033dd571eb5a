import WebSocket from "ws";

export type LiveMemory = { heapUsed: number; external: number; arrayBuffers: number; rss: number };

/**
 * Reads a server's live memory through its inspector (`--inspect=127.0.0.1:0`): a full garbage
 * collection first, then `process.memoryUsage()` evaluated in the server. Works the same on
 * both servers without a line of bench code in either. RSS alone is not enough to compare
 * them: it depends on when V8 last collected and on how much freed heap it keeps, and moved
 * by a factor of two between identical runs on these machines.
 */
export async function liveMemory(inspectorUrl: string): Promise<LiveMemory> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
        if (message.id !== id) return;
        socket.off("message", onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      };
      socket.on("message", onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    // Twice: the first pass can leave objects that only the second finds unreachable (weak callbacks).
    await call("HeapProfiler.collectGarbage");
    await call("HeapProfiler.collectGarbage");
    const result = (await call("Runtime.evaluate", {
      expression: "JSON.stringify(process.memoryUsage())",
      returnByValue: true,
    })) as { result: { value: string } };
    return JSON.parse(result.result.value) as LiveMemory;
  } finally {
    socket.close();
  }
}
