import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths";

/**
 * The layers of docs/ARCHITECTURE.md ("Layers"), checked on every import of the source tree:
 * a module may import from its own layer and the layers below it, never above; and no
 * import cycle anywhere. Read as text (import and export-from lines), resolved like the
 * bundler does (relative paths and "~/").
 */
const LAYERS: { name: string; pattern: RegExp; mayImport: string[] }[] = [
  { name: "server", pattern: /^server\//, mayImport: ["server", "models", "utils", "i18n", "generated"] },
  { name: "seed", pattern: /^prisma\//, mayImport: ["seed", "models", "utils", "i18n", "generated"] },
  {
    name: "routes",
    pattern: /^app\/(routes\/|root\.tsx|entry\.)/,
    mayImport: ["routes", "ui", "models", "utils", "i18n", "generated"],
  },
  { name: "ui", pattern: /^app\/(components|editor|surveys|styles)\//, mayImport: ["ui", "models", "utils", "i18n"] },
  { name: "models", pattern: /^app\/models\//, mayImport: ["models", "utils", "i18n", "generated"] },
  { name: "i18n", pattern: /^app\/i18n\//, mayImport: ["i18n", "utils"] },
  { name: "utils", pattern: /^app\/utils\//, mayImport: ["utils", "i18n"] },
  { name: "generated", pattern: /^app\/generated\//, mayImport: ["generated"] },
  // Ambient declarations (the load context, environment types): types only, read by every layer.
  { name: "declarations", pattern: /^app\/[^/]+\.d\.ts$/, mayImport: ["models", "utils"] },
];

function layerOf(file: string) {
  return LAYERS.find((layer) => layer.pattern.test(file));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts"];
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join("app", specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null; // a package
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return null;
}

const IMPORT =
  /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)]
    .map((match) => resolve(file, match[1] ?? match[2] ?? match[3]!))
    .filter((target): target is string => target !== null && !target.startsWith("app/generated"));
}

const files = [...sourceFiles("app"), ...sourceFiles("server"), ...sourceFiles("prisma")];
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe("layers", () => {
  it("every module belongs to a layer", () => {
    expect(files.filter((file) => !layerOf(file))).toEqual([]);
  });

  it("no module imports from a layer above its own", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const layer = layerOf(file)!;
      for (const target of targets) {
        const targetLayer = layerOf(target);
        if (targetLayer && !layer.mayImport.includes(targetLayer.name)) upward.push(`${file} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("no import cycle", () => {
    // Tarjan's strongly connected components: any component of more than one module is a cycle.
    let index = 0;
    const indexOf = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string) => {
      indexOf.set(file, index);
      low.set(file, index++);
      stack.push(file);
      onStack.add(file);
      for (const target of graph.get(file) ?? []) {
        if (!indexOf.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, indexOf.get(target)!));
      }
      if (low.get(file) === indexOf.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== file);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!indexOf.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it("no module over 400 lines", () => {
    const long = files
      .map((file) => [file, fs.readFileSync(path.join(ROOT, file), "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });
});
