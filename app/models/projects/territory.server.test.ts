import { describe, expect, test } from "vitest";
import { findTerritory, searchTerritories } from "./territory.server";

describe("official territories", () => {
  test("finds a commune by name without accents, by INSEE code and by postal code", () => {
    expect(searchTerritories("saint etienne")[0]).toMatchObject({
      kind: "commune",
      code: "42218",
      name: "Saint-Étienne",
    });
    expect(searchTerritories("26113")[0]).toMatchObject({
      kind: "commune",
      name: "Die",
      departement: "26",
      region: "84",
    });
    expect(searchTerritories("26150").map((t) => t.name)).toContain("Die");
  });

  test("finds EPCI, départements and régions with their population", () => {
    const diois = searchTerritories("CC du Diois")[0];
    expect(diois).toMatchObject({ kind: "epci", code: "242600534", departement: "26" });
    expect(diois?.population).toBeGreaterThan(10_000);
    expect(searchTerritories("2A")[0]).toMatchObject({ kind: "departement", name: "Corse-du-Sud" });
    const bretagne = findTerritory("region", "53");
    expect(bretagne?.name).toBe("Bretagne");
    expect(bretagne?.population).toBeGreaterThan(3_000_000);
  });

  test("returns nothing for an empty or unmatched query", () => {
    expect(searchTerritories("   ")).toEqual([]);
    expect(searchTerritories("zzzzzz-qqq")).toEqual([]);
    expect(findTerritory("commune", "99999")).toBeNull();
  });
});
