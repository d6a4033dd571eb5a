import fs from "node:fs";
import { createRequire } from "node:module";
import type { TerritoryKind } from "../core/vocabulary";
import { foldForSearch } from "~/utils/search-fold";

/**
 * Official French territories from @etalab/decoupage-administratif (INSEE codes, names,
 * population), loaded once per process and searched in memory: about 37k entries.
 */
export type Territory = {
  kind: TerritoryKind;
  code: string;
  name: string;
  departement: string | null;
  region: string | null;
  population: number | null;
  postalCodes: string[];
};

type Indexed = Territory & { searchName: string };

const require = createRequire(import.meta.url);

function readData<T>(file: string): T {
  return JSON.parse(fs.readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), "utf8")) as T;
}

type RawCommune = {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  codesPostaux?: string[];
};
type RawEpci = { code: string; nom: string; populationMunicipale?: number; membres: { code: string }[] };
type RawDepartement = { code: string; nom: string; region: string };
type RawRegion = { code: string; nom: string };

/** Lower-case, without accents or punctuation: "Saint-Étienne" and "saint etienne" meet. */
export { foldForSearch };

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function buildIndex(): Indexed[] {
  const communes = readData<RawCommune[]>("communes.json").filter((c) => c.type === "commune-actuelle");
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const populationBy = (key: "departement" | "region") => {
    const totals = new Map<string, number>();
    for (const c of communes) totals.set(c[key], (totals.get(c[key]) ?? 0) + (c.population ?? 0));
    return totals;
  };
  const depPopulation = populationBy("departement");
  const regPopulation = populationBy("region");
  const entries: Territory[] = [
    ...communes.map((c) => ({
      kind: "commune" as const,
      code: c.code,
      name: c.nom,
      departement: c.departement,
      region: c.region,
      population: c.population ?? null,
      postalCodes: c.codesPostaux ?? [],
    })),
    ...readData<RawEpci[]>("epci.json").map((e) => {
      const members = e.membres.map((m) => communeByCode.get(m.code)).filter((c) => c !== undefined);
      return {
        kind: "epci" as const,
        code: e.code,
        name: e.nom,
        // An EPCI can straddle départements; we file it under the one most of its communes are in.
        departement: mostCommon(members.map((c) => c.departement)),
        region: mostCommon(members.map((c) => c.region)),
        population: e.populationMunicipale ?? null,
        postalCodes: [],
      };
    }),
    ...readData<RawDepartement[]>("departements.json").map((d) => ({
      kind: "departement" as const,
      code: d.code,
      name: d.nom,
      departement: d.code,
      region: d.region,
      population: depPopulation.get(d.code) ?? null,
      postalCodes: [],
    })),
    ...readData<RawRegion[]>("regions.json").map((r) => ({
      kind: "region" as const,
      code: r.code,
      name: r.nom,
      departement: null,
      region: r.code,
      population: regPopulation.get(r.code) ?? null,
      postalCodes: [],
    })),
  ];
  return entries.map((t) => ({ ...t, searchName: foldForSearch(t.name) }));
}

let index: Indexed[] | undefined;
let byKey: Map<string, Indexed> | undefined;
function getIndex(): Indexed[] {
  return (index ??= buildIndex());
}

function strip({ searchName: _searchName, ...territory }: Indexed): Territory {
  return territory;
}

export function findTerritory(kind: TerritoryKind, code: string): Territory | null {
  byKey ??= new Map(getIndex().map((t) => [`${t.kind}:${t.code}`, t]));
  const found = byKey.get(`${kind}:${code}`);
  return found ? strip(found) : null;
}

export function territoryName(kind: "departement" | "region", code: string | null): string | null {
  return code ? (findTerritory(kind, code)?.name ?? null) : null;
}

/**
 * Search by name (any word start, accents ignored), INSEE code, postal code or SIREN.
 * Exact matches first, then name prefixes, then larger populations.
 */
export function searchTerritories(query: string, limit = 10, kinds?: readonly TerritoryKind[]): Territory[] {
  const folded = foldForSearch(query);
  if (folded.length === 0) return [];
  const code = query.trim().toUpperCase();
  const scored: { territory: Indexed; score: number }[] = [];
  for (const territory of getIndex()) {
    if (kinds && !kinds.includes(territory.kind)) continue;
    const score = matchScore(territory, folded, code);
    if (score > 0) scored.push({ territory, score });
  }
  scored.sort((a, b) => b.score - a.score || (b.territory.population ?? 0) - (a.territory.population ?? 0));
  return scored.slice(0, limit).map((s) => strip(s.territory));
}

function matchScore(t: Indexed, folded: string, code: string): number {
  if (t.code === code) return 100;
  if (t.postalCodes.includes(code)) return 90;
  if (t.searchName === folded) return 80;
  if (t.searchName.startsWith(folded)) return 60;
  if (t.searchName.includes(` ${folded}`)) return 40;
  if (/^\d{3,}$/.test(code) && t.postalCodes.some((p) => p.startsWith(code))) return 20;
  return 0;
}
