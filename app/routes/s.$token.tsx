import crypto from "node:crypto";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { ErrorSummary, SurveyQuestions } from "~/components/survey-form/survey-form";
import { FOCUSED_PAGE } from "~/components/site-header";
import { SurveyClosedPage } from "~/components/survey-form/survey-unavailable";
import { localeFromRequest, translate, translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { giveBack, takeAttempt } from "~/models/core/rate-limit.server";
import { FORM_FIELDS } from "~/models/surveys/survey-answers";
import { getSurveyByAddress } from "~/models/surveys/survey-short-code.server";
import { pickedCommunes, submitAnswers } from "~/models/surveys/survey-submit.server";
import { readForm } from "~/utils/forms.server";
import { keepActionHeaders } from "~/utils/headers";
import surveyStyles from "~/styles/survey-answers.css";

export const headers = keepActionHeaders;

/** Respondents have no account: the header offers none (site-header.tsx). */
export const handle = FOCUSED_PAGE;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches[0]?.data as { locale?: "fr" | "en" } | undefined)?.locale ?? "fr";
  const title = data && data.state === "open" ? data.definition.title : translate(locale, "surveyAnswers.public.title");
  return [{ title: `${title} · ${translate(locale, "app.title")}` }, { name: "robots", content: "noindex" }];
};

/** The page for a link that does not lead to an open survey, with an honest status code. */
function unavailable(state: "unknown" | "draft" | "closed") {
  return json({ state } as const, { status: state === "closed" ? 410 : 404 });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const survey = await getSurveyByAddress(params.token ?? "");
  if (!survey) return unavailable("unknown");
  if (survey.status === "closed") return unavailable("closed");
  if (survey.status !== "open" || !survey.current) return unavailable("draft");
  return json({
    state: "open" as const,
    definition: survey.current.definition,
    versionId: survey.current.id,
    // Made when the form is shown: submitting twice (double tap, back then resend) stores one response.
    submissionKey: crypto.randomUUID(),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const token = params.token ?? "";
  const survey = await getSurveyByAddress(token);
  if (!survey) return unavailable("unknown");
  if (survey.status === "closed") return unavailable("closed");
  if (survey.status !== "open" || !survey.current) return unavailable("draft");
  const address = context.clientAddress;
  const wait = Math.max(
    await takeAttempt("surveyPostByAddress", address),
    await takeAttempt("surveyAnswerByAddress", address),
  );
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60));
    return json(
      { state: "refused" as const, errors: {}, formError: t("surveyAnswers.error.tooMany", { minutes }), values: {} },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  const formData = await readForm(request, t);
  const result = await submitAnswers({
    surveyId: survey.id,
    formData,
    channel: "public",
    enteredById: null,
    t,
    locale,
  });
  // Only a stored answer uses up the address's allowance (rate-limit.server.ts).
  if (result.outcome !== "stored") await giveBack("surveyAnswerByAddress", address);
  if (result.outcome !== "invalid") return redirect(`/s/${encodeURIComponent(token)}/merci`);
  const { errors, formError, values } = result;
  // The version the form was shown with: a form opened before the questions changed is shown again as it was.
  const shown = result.versionId === survey.current.id ? survey.current.definition : null;
  return json(
    { state: "refused" as const, errors, formError, values, communes: pickedCommunes(values), definition: shown },
    { status: 400 },
  );
}

export default function PublicSurvey() {
  const data = useLoaderData<typeof loader>();
  if (data.state !== "open") return <SurveyClosedPage state={data.state} />;
  return <OpenSurvey {...data} />;
}

function OpenSurvey({
  definition,
  versionId,
  submissionKey,
}: {
  definition: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { state: "open" }>["definition"];
  versionId: string;
  submissionKey: string;
}) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const token = useParams().token ?? "";
  const refused = actionData?.state === "refused" ? actionData : null;
  if (actionData && actionData.state !== "refused") return <SurveyClosedPage state={actionData.state} />;
  const shown = (refused && "definition" in refused && refused.definition) || definition;
  return (
    <article className="page narrow survey-public stack" aria-labelledby="survey-title">
      <header>
        <p className="eyebrow">{t("surveyAnswers.public.eyebrow")}</p>
        <h1 id="survey-title">{shown.title}</h1>
        {shown.intro ? <p className="survey-intro">{shown.intro}</p> : null}
        <p className="field-hint">{t("surveyAnswers.public.noAccount")}</p>
      </header>
      <ErrorSummary definition={shown} errors={refused?.errors ?? {}} formError={refused?.formError} />
      <Form method="post" noValidate className="survey-form stack">
        <input type="hidden" name={FORM_FIELDS.versionId} value={versionId} />
        <input type="hidden" name={FORM_FIELDS.submissionKey} value={submissionKey} />
        <div className="hp-field" aria-hidden="true">
          <label htmlFor="hp-website">{t("surveyAnswers.public.honeypot")}</label>
          <input id="hp-website" name={FORM_FIELDS.honeypot} type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <SurveyQuestions
          definition={shown}
          values={refused?.values}
          errors={refused?.errors}
          communes={refused && "communes" in refused ? refused.communes : {}}
          communeSearchUrl={`/s/${encodeURIComponent(token)}/communes`}
        />
        <p>
          <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
            {t("surveyAnswers.public.submit")}
          </button>
        </p>
      </Form>
    </article>
  );
}

export function ErrorBoundary() {
  return <SurveyClosedPage state="error" />;
}
