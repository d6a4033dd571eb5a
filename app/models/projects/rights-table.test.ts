import fs from "node:fs";
import { expect, test } from "vitest";
import { REGENERATE_COMMAND, RIGHTS_DOC, rightsBlockOf, rightsDocPath, rightsTableMarkdown } from "./rights-table";

test(`the rights table in ${RIGHTS_DOC} is the one the code enforces`, () => {
  const block = rightsBlockOf(fs.readFileSync(rightsDocPath(), "utf8"));
  expect(block, `${RIGHTS_DOC} lost its rights markers`).not.toBeNull();
  expect(
    block,
    `The rights table in ${RIGHTS_DOC} differs from app/models/projects/rights.ts: run \`${REGENERATE_COMMAND}\``,
  ).toBe(rightsTableMarkdown());
});

test("every action has a row, and every cell says any (✓), own or nothing", () => {
  const rows = rightsTableMarkdown()
    .split("\n")
    .filter((line) => line.startsWith("| `"));
  expect(rows.map((line) => line.split(" | ")[0])).toContain("| `notes.delete`");
  const notesDelete = rows.find((line) => line.startsWith("| `notes.delete`"))!;
  // coordinator, researcher, local_actor, council_reviewer, observer, coalition staff
  expect(
    notesDelete
      .split("|")
      .slice(3, 9)
      .map((cell) => cell.trim()),
  ).toEqual(["✓", "own", "own", "", "", ""]);
});
