import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RIGHTS, RIGHTS_HOLDERS, type RightsHolder, type Scope } from "./rights";

/**
 * The rights table of docs/ARCHITECTURE.md, generated from rights.ts so that the map cannot
 * drift from the code (rights-table.test.ts fails when it does). To update the document:
 *
 *   npx tsx app/models/projects/rights-table.ts --write
 *
 * Without `--write` it prints the block.
 */

export const RIGHTS_DOC = "docs/ARCHITECTURE.md";
export const REGENERATE_COMMAND = "npx tsx app/models/projects/rights-table.ts --write";
const START = "<!-- rights:start -->";
const END = "<!-- rights:end -->";

const HEADER: Record<RightsHolder, string> = {
  coordinator: "`coordinator`",
  researcher: "`researcher`",
  local_actor: "`local_actor`",
  council_reviewer: "`council_reviewer`",
  observer: "`observer`",
  coalition_reader: "coalition staff¹",
};

const CELL: Record<Scope, string> = { any: "✓", own: "own" };

/** The block between the markers: a table of every action × holder, and its legend. */
export function rightsTableMarkdown(): string {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const lines = [
    `<!-- Generated from app/models/projects/rights.ts by \`${REGENERATE_COMMAND}\`; do not edit by hand. -->`,
    // Prettier would pad the columns, and the block must stay byte for byte what the code makes.
    "<!-- prettier-ignore-start -->",
    row(["action", "allows", ...RIGHTS_HOLDERS.map((holder) => HEADER[holder])]),
    row(["---", "---", ...RIGHTS_HOLDERS.map(() => ":-:")]),
    ...Object.entries(RIGHTS).map(([action, rule]) => {
      const grants: Partial<Record<RightsHolder, Scope>> = rule.grants;
      const cell = (holder: RightsHolder) => {
        const scope = grants[holder];
        return scope ? CELL[scope] : "";
      };
      return row([`\`${action}\``, rule.about, ...RIGHTS_HOLDERS.map(cell)]);
    }),
    "",
    "✓ on any subject; own: only on the user's own subjects (`can(access, action, { ownerId })`, asked " +
      "with the subject's author as owner); blank: refused. An own right asked without a subject is refused.",
    "",
    "¹ Site role `coalition_coordinator` reading a project whose visibility is `coalition`, without " +
      "being a member of it. A member has their project role's rights, whatever their site role.",
    "<!-- prettier-ignore-end -->",
  ];
  return lines.join("\n");
}

/** The part of `doc` between the rights markers, or null when the markers are missing. */
export function rightsBlockOf(doc: string): string | null {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END, start);
  if (start === -1 || end === -1) return null;
  return doc
    .slice(start + START.length, end)
    .replace(/^\n/, "")
    .replace(/\n$/, "");
}

/** `doc` with the block between the markers replaced by the generated table. */
export function withRightsTable(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END, start);
  if (start === -1 || end === -1) throw new Error(`${RIGHTS_DOC} has no "${START}" … "${END}" block`);
  return `${doc.slice(0, start + START.length)}\n${rightsTableMarkdown()}\n${doc.slice(end)}`;
}

export function rightsDocPath(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..", RIGHTS_DOC);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  if (process.argv.includes("--write")) {
    const file = rightsDocPath();
    fs.writeFileSync(file, withRightsTable(fs.readFileSync(file, "utf8")));
    console.log(`Updated the rights table in ${RIGHTS_DOC}.`);
  } else {
    console.log(rightsTableMarkdown());
  }
}
