import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchBrowser, newContext, type TestContext } from "./browser";
import { startServer, type TestServer } from "./server";

type Credentials = { email: string; password: string };

/**
 * One real server and one Chromium for a browser test file. Every context opened through it
 * is checked when the file ends: no console error or failed request in any page, and nothing
 * written to the server's stderr.
 */
export function browserForFile(options?: Parameters<typeof startServer>[0]) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: TestContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  });
  afterAll(async () => {
    // Everything is closed before anything is asserted: a failed check must not leave a
    // server or a browser running.
    const problems = contexts.flatMap((context) => context.problems);
    for (const context of contexts) await context.context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    expect(problems).toEqual([]);
    expect(server?.stderr()).toBe("");
  });

  /** A new browser context (a person's device), followed until the file ends. */
  async function open(size: { width?: number; height?: number } = {}) {
    const context = await newContext(browser!, size);
    contexts.push(context);
    return context;
  }

  /** A person logs in through the login form on a new device and lands on `path`. */
  async function logIn(person: Credentials, path: string, size: { width?: number; height?: number } = {}) {
    const context = await open(size);
    const page = await context.newPage();
    await page.goto(`${server!.url}/login?redirectTo=${encodeURIComponent(path)}`);
    await page.getByLabel("Adresse électronique").fill(person.email);
    await page.getByLabel("Mot de passe").fill(person.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`**${path}`);
    return { ...context, page };
  }

  return { server: () => server!, browser: () => browser!, open, logIn };
}
