import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../support/paths";

/**
 * The README's "Quick start" is what a newcomer follows word for word (issue 13, point 16):
 * it gives the Node versions exactly as package.json does, stays two commands, and says what
 * to install on each system for the one case where npm builds the SQLite driver from source.
 */
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const quickStart = /## Quick start\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";
const engines = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } })
  .engines.node;

describe("the README's quick start", () => {
  test("gives the supported Node versions exactly as package.json's engines", () => {
    expect(quickStart).toContain(`\`${engines}\``);
  });

  test("is two commands", () => {
    const block = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? "";
    const commands = block.split("\n").filter((line) => line.trim() && !line.trim().startsWith("#"));
    expect(commands.map((line) => line.replace(/\s+#.*$/, ""))).toEqual(["npm install && npm start", "npm test"]);
  });

  test("says when a compiler is needed and what to install on each system", () => {
    expect(quickStart).toMatch(/better-sqlite3/);
    expect(quickStart).toMatch(/Only when that download cannot happen/);
    for (const line of [
      "sudo apt-get install python3 make g++",
      "sudo dnf install python3 make gcc-c++",
      "xcode-select --install",
      "**Desktop development with C++**",
      "Python 3",
    ]) {
      expect(quickStart, line).toContain(line);
    }
  });
});
