import { afterAll, beforeAll, expect } from "vitest";
import { createUser } from "../factories";
import { HttpClient } from "./http-client";
import { startServer, type TestServer } from "./server";

/**
 * One real server for a test file: started before its tests, stopped after them, and the
 * file fails if the server wrote anything to stderr.
 */
export function serverForFile(options?: Parameters<typeof startServer>[0]): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(async () => {
    await server?.stop();
    expect(server?.stderr()).toBe("");
  });
  return () => server!;
}

/** A new user, logged in through the real login form. */
export async function logIn(server: TestServer, overrides: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(server.db, overrides);
  const client = new HttpClient(server.url);
  expect((await client.post("/login", { email: user.email, password: user.password })).status).toBe(302);
  return { user, client };
}
