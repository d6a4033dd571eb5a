import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FOCUSED_PAGE } from "~/components/site-header";
import { SurveyClosedPage } from "~/components/survey-form/survey-unavailable";
import { translate } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { getSurveyByAddress } from "~/models/surveys/survey-short-code.server";
import surveyStyles from "~/styles/survey-answers.css";

/** Respondents have no account: the header offers none (site-header.tsx). */
export const handle = FOCUSED_PAGE;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches[0]?.data as { locale?: "fr" | "en" } | undefined)?.locale ?? "fr";
  return [
    { title: `${translate(locale, "surveyAnswers.confirmation.title")} · ${translate(locale, "app.title")}` },
    { name: "robots", content: "noindex" },
  ];
};

/** After a stored (or already stored) response. Says nothing about the answers themselves. */
export async function loader({ params }: LoaderFunctionArgs) {
  const survey = await getSurveyByAddress(params.token ?? "");
  if (!survey) return json({ found: false as const, title: "" }, { status: 404 });
  return json({ found: true as const, title: survey.current?.definition.title ?? survey.title });
}

export default function SurveyThanks() {
  const t = useT();
  const { found, title } = useLoaderData<typeof loader>();
  if (!found) return <SurveyClosedPage state="unknown" />;
  return (
    <section className="page narrow survey-public stack" aria-labelledby="thanks-title">
      <h1 id="thanks-title">{t("surveyAnswers.confirmation.title")}</h1>
      <p className="lead">{t("surveyAnswers.confirmation.body", { title })}</p>
      <p className="muted">{t("surveyAnswers.confirmation.close")}</p>
    </section>
  );
}
