import { describe, expect, test } from "vitest";
import { downloadFilename, fileHeaders } from "./download.server";

describe("downloads", () => {
  const now = new Date("2026-03-14T23:30:00Z");

  test("file names are ASCII slugs of the title, dated", () => {
    const name = (title: string) =>
      downloadFilename({ prefix: "enquete", title, fallback: "reponses", extension: "csv", now });
    expect(name("Commerces de proximité")).toBe("enquete-commerces-de-proximite-2026-03-14.csv");
    expect(name('  Été "2026" : l\'Île ?')).toBe("enquete-ete-2026-l-ile-2026-03-14.csv");
    expect(name("???")).toBe("enquete-reponses-2026-03-14.csv");
    expect(name(`${"a".repeat(59)} b`)).toBe(`enquete-${"a".repeat(59)}-2026-03-14.csv`);
  });

  test("headers: an attachment only when named, never kept by a shared cache", () => {
    expect(fileHeaders({ contentType: "text/csv; charset=utf-8", filename: "a.csv" })).toEqual({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="a.csv"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    });
    expect(fileHeaders({ contentType: "text/calendar", cache: "private, no-cache" })).not.toHaveProperty(
      "Content-Disposition",
    );
  });
});
