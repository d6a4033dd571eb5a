import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/models/accounts/auth.server";
import { searchTerritories, territoryName } from "~/models/projects/territory.server";
import type { TerritoryOption } from "~/models/projects/territory-option";
import { TERRITORY_KINDS, type TerritoryKind } from "~/models/core/vocabulary";

/** Territory search for the picker: by name, INSEE code, postal code or SIREN. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").slice(0, 100);
  const kinds = params
    .getAll("kind")
    .filter((k): k is TerritoryKind => (TERRITORY_KINDS as readonly string[]).includes(k));
  const results = searchTerritories(query, 10, kinds.length ? kinds : undefined).map((t): TerritoryOption => ({
    value: `${t.kind}:${t.code}`,
    kind: t.kind,
    code: t.code,
    name: t.name,
    departement: t.departement,
    departementName: t.kind === "commune" || t.kind === "epci" ? territoryName("departement", t.departement) : null,
    population: t.population,
    postalCodes: t.postalCodes.slice(0, 3),
  }));
  return json({ query, results }, { headers: { "Cache-Control": "private, max-age=300" } });
}
