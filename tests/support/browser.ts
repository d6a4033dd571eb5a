import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_PATH } from "./chromium-setup";

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A fresh browser profile whose pages fail the test on any script error or console error
 * (which includes Content-Security-Policy violations).
 */
export async function newContext(browser: Browser, options: { width?: number; height?: number } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: "fr-FR",
  });
  const problems: string[] = [];
  context.on("page", (page) => watch(page, problems));
  return {
    context,
    problems,
    async newPage(): Promise<Page> {
      const page = await context.newPage();
      return page;
    },
  };
}

function watch(page: Page, problems: string[]) {
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // Chromium logs every 4xx answer (a form with errors, a 404 page) as a failed resource;
    // those are expected answers, checked by the tests themselves.
    if (message.type() === "error" && !/Failed to load resource: .*status of 4\d\d/.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
}

export type TestContext = Awaited<ReturnType<typeof newContext>> & { context: BrowserContext };
