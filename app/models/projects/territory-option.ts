import type { TerritoryKind } from "~/models/core/vocabulary";

/**
 * A territory as the territory picker lists it: what `/api/territories` and the public form's
 * commune search answer. Browser-safe, so that the picker (a component) and the routes that fill
 * it share one type without the component reaching up into a route; the data and the search
 * themselves stay in territory.server.ts.
 */
export type TerritoryOption = {
  /** `kind:code`, the value a form sends and the server checks again. */
  value: string;
  kind: TerritoryKind;
  code: string;
  name: string;
  departement: string | null;
  /** For communes and EPCI, so that two places of the same name can be told apart. */
  departementName: string | null;
  population: number | null;
  postalCodes: string[];
};

/** What a form keeps of a chosen territory (the picker's starting value, a saved commune). */
export type PickedTerritory = Pick<TerritoryOption, "value" | "kind" | "code" | "name" | "departement" | "population">;
