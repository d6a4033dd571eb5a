import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./paths";

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/**
 * Every axe-core violation on the page (or inside `include`), as "rule: selector" lines, so
 * that a failure names what to fix. axe is evaluated through the DevTools protocol rather than
 * added with `addScriptTag`: the page's Content-Security-Policy (a nonce per response) refuses
 * an injected inline script, and the console error it logs would fail the test.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(scope ? { include: [scope] } : document);
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${v.help}`),
    );
  }, include ?? null);
}
