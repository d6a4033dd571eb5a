import { stringify } from "csv-stringify/sync";
import { describe, expect, test } from "vitest";
import { csvOptions, safeText } from "./csv";

describe("CSV conventions", () => {
  test("a field with a line break of any kind is quoted, so the row stays whole", () => {
    const csv = stringify([["deux\nlignes", "cr\rseul", "crlf\r\nfin", "simple"]], csvOptions(";"));
    expect(csv).toBe('"deux\nlignes";"cr\rseul";"crlf\r\nfin";simple\r\n');
  });

  test("a text that a spreadsheet would run as a formula is shown as text", () => {
    expect(safeText("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(safeText("-3 producteurs")).toBe("'-3 producteurs");
    expect(safeText("Marché")).toBe("Marché");
  });
});
