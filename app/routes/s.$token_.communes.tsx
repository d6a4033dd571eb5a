import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getSurveyByAddress } from "~/models/surveys/survey-short-code.server";
import { searchTerritories, territoryName } from "~/models/projects/territory.server";

/**
 * Commune search for a public survey form, open to respondents without an account, but only
 * while the survey behind the token is open (the members' /api/territories needs a session).
 * Same answer shape as /api/territories, for the same picker.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const survey = await getSurveyByAddress(params.token ?? "");
  if (!survey || survey.status !== "open") throw new Response("", { status: 404 });
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const results = searchTerritories(query, 10, ["commune"]).map((t) => ({
    value: `${t.kind}:${t.code}`,
    kind: t.kind,
    code: t.code,
    name: t.name,
    departement: t.departement,
    departementName: territoryName("departement", t.departement),
    population: t.population,
    postalCodes: t.postalCodes.slice(0, 3),
  }));
  return json({ query, results }, { headers: { "Cache-Control": "public, max-age=300" } });
}
