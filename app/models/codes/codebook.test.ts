import { describe, expect, it } from "vitest";
import { compareCodeLabels, indexCodebook, resolveCode, type CodebookCode } from "./codebook";

function code(id: string, extra: Partial<CodebookCode> = {}): CodebookCode {
  return {
    id,
    label: id,
    definition: "",
    colour: "#1f6f8b",
    parentId: null,
    retired: false,
    mergedIntoId: null,
    ...extra,
  };
}

describe("resolveCode", () => {
  const codebook = [
    code("a", { mergedIntoId: "b" }),
    code("b", { mergedIntoId: "c" }),
    code("c"),
    code("r", { retired: true }),
  ];

  it("returns the code itself, retired ones included", () => {
    expect(resolveCode(codebook, "c")?.id).toBe("c");
    expect(resolveCode(codebook, "r")?.id).toBe("r");
  });
  it("follows merges to their end", () => {
    expect(resolveCode(codebook, "a")?.id).toBe("c");
    expect(resolveCode(indexCodebook(codebook), "b")?.id).toBe("c");
  });
  it("is null for an id that is not a code of this codebook", () => {
    expect(resolveCode(codebook, "forged")).toBeNull();
    expect(resolveCode([code("x", { mergedIntoId: "elsewhere" })], "x")).toBeNull();
  });
  it("is null for a merge loop", () => {
    expect(resolveCode([code("x", { mergedIntoId: "y" }), code("y", { mergedIntoId: "x" })], "x")).toBeNull();
  });
});

describe("compareCodeLabels", () => {
  it("orders labels the French way", () => {
    const labels = ["Foncier", "Éducation", "eau", "Eau potable"].map((label) => ({ label }));
    expect(labels.sort(compareCodeLabels).map((l) => l.label)).toEqual(["eau", "Eau potable", "Éducation", "Foncier"]);
  });
});
