import { useT } from "~/i18n/use-translation";
import { TERRITORY_KINDS, type TerritoryKind } from "~/models/core/vocabulary";

/** "Die · Commune (26)": a project's territory in one line. */
export function TerritoryLine({ name, kind, departement }: { name: string; kind: string; departement: string | null }) {
  const t = useT();
  const known = (TERRITORY_KINDS as readonly string[]).includes(kind) ? (kind as TerritoryKind) : null;
  return (
    <>
      {name}
      {known ? ` · ${t(`territory.kind.${known}`)}` : ""}
      {departement && kind !== "region" && kind !== "departement" ? ` (${departement})` : ""}
    </>
  );
}
