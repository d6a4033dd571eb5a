import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const TMP = path.join(ROOT, "tests/.tmp");
export const BIN = (name: string) => path.join(ROOT, "node_modules/.bin", name);
