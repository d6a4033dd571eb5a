import { execFileSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser tests drive Debian's Chromium (playwright-core cannot download a browser here).
 * On a fresh machine where we are root, install it once so that `npm test` alone runs the
 * whole suite; otherwise say exactly what to do.
 */
export default function setup() {
  if (fs.existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the browser tests (about a minute)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (fs.existsSync(CHROMIUM_PATH)) return;
  }
  throw new Error(
    `Chromium not found at ${CHROMIUM_PATH}. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}
