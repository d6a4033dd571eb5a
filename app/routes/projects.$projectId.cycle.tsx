import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { FormError, TextAreaField, useFocusFirstError } from "~/components/form-field";
import { useLocale, useT } from "~/i18n/use-translation";
import { changePhase, getCycleOverview, PHASE_COMMENT_MAX } from "~/models/timeline/cycle.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { PHASES, type Phase } from "~/models/core/vocabulary";
import { formatDate, formatDateTime } from "~/utils/format";
import { readForm, text } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

const moveSchema = z.object({
  intent: z.enum(["next", "newCycle"]),
  expectedCycle: z.coerce.number().int().min(1).max(10_000),
  expectedPhase: z.enum(PHASES),
  comment: z.string(),
});

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "cycle.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const overview = await getCycleOverview({ projectId: access.projectId });
  if (!overview) notFound(t);
  return json({ ...overview, canMove: can(access, "project.changePhase"), commentMax: PHASE_COMMENT_MAX });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "project.changePhase");
  const form = await readForm(request, t);
  const parsed = moveSchema.safeParse({
    intent: text(form, "intent"),
    expectedCycle: text(form, "expectedCycle"),
    expectedPhase: text(form, "expectedPhase"),
    comment: text(form, "comment"),
  });
  if (!parsed.success) return json({ formError: t("cycle.move.invalid"), fieldErrors: {}, done: false }, 400);
  const comment = parsed.data.comment.replace(/\r\n?/g, "\n").trim();
  if (comment.length > PHASE_COMMENT_MAX) {
    const fieldErrors = { comment: t("cycle.move.commentTooLong", { max: PHASE_COMMENT_MAX }) };
    return json({ formError: null, fieldErrors, done: false }, 400);
  }
  const outcome = await changePhase({
    projectId: access.projectId,
    userId: user.id,
    move: parsed.data.intent,
    expected: { cycle: parsed.data.expectedCycle, phase: parsed.data.expectedPhase },
    comment: comment || null,
  });
  if (outcome === "stale") return json({ formError: t("cycle.move.stale"), fieldErrors: {}, done: false }, 409);
  if (outcome === "lastPhase") return json({ formError: t("cycle.move.lastPhase"), fieldErrors: {}, done: false }, 400);
  return json({ formError: null, fieldErrors: {}, done: true });
}

export default function CyclePage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <section className="panel stack" aria-labelledby="cycle-page-title">
        <h2 id="cycle-page-title">{t("cycle.title")}</h2>
        <p>{t("cycle.lead")}</p>
        <p className="large">
          <strong>{t("cycle.current", { number: data.cycleNumber, phase: t(`phase.${data.phase}`) })}</strong>
        </p>
        {data.canMove ? <MoveForm cycle={data.cycleNumber} phase={data.phase} commentMax={data.commentMax} /> : null}
      </section>
      <section className="panel stack" aria-labelledby="cycle-dates-title">
        <h2 id="cycle-dates-title">{t("cycle.phaseDates")}</h2>
        {data.cycles.map((cycle) => (
          <div key={cycle.id} className="stack">
            <h3>
              {t("cycle.number", { number: cycle.number })}{" "}
              <span className="muted">
                — {t("cycle.started", { date: formatDate(locale, cycle.startedAt) })}
                {cycle.endedAt ? `, ${t("cycle.ended", { date: formatDate(locale, cycle.endedAt) })}` : ""}
              </span>
            </h3>
            <ol className="phase-dates">
              {cycle.phases.map((span) => (
                <li key={span.phase} aria-current={span.current ? "step" : undefined}>
                  <strong>{t(`phase.${span.phase}`)}</strong>{" "}
                  {span.current ? <span className="badge">{t("cycle.currentPhase")}</span> : null}{" "}
                  <span className="muted">
                    {span.startedAt && span.endedAt
                      ? t("cycle.phaseSpan", {
                          start: formatDate(locale, span.startedAt),
                          end: formatDate(locale, span.endedAt),
                        })
                      : span.startedAt
                        ? t("cycle.phaseFrom", { date: formatDate(locale, span.startedAt) })
                        : t("cycle.phaseNotReached")}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
      <History history={data.history} />
    </div>
  );
}

function MoveForm({ cycle, phase, commentMax }: { cycle: number; phase: Phase; commentMax: number }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  const formRef = useFocusFirstError(actionData && !actionData.done ? actionData : null);
  const index = PHASES.indexOf(phase);
  const next = PHASES[index + 1];
  return (
    <Form
      ref={formRef}
      method="post"
      noValidate
      className="stack"
      aria-labelledby="move-title"
      // A fresh form (empty comment, current phase) once the move is recorded.
      key={`${cycle}-${phase}`}
    >
      <h3 id="move-title">{t("cycle.move.title")}</h3>
      <p className="field-hint">{t("cycle.move.lead")}</p>
      <FormError message={actionData?.formError} />
      <input type="hidden" name="expectedCycle" value={cycle} />
      <input type="hidden" name="expectedPhase" value={phase} />
      <TextAreaField
        name="comment"
        label={t("cycle.move.comment")}
        hint={t("cycle.move.commentHint", { max: commentMax })}
        rows={3}
        maxLength={commentMax}
        error={"comment" in errors ? (errors as { comment: string }).comment : undefined}
      />
      <div className="actions">
        {next ? (
          <button type="submit" name="intent" value="next" className="button primary" disabled={busy}>
            {t("cycle.move.next", { phase: t(`phase.${next}`) })}
          </button>
        ) : null}
        <button
          type="submit"
          name="intent"
          value="newCycle"
          className={next ? "button" : "button primary"}
          disabled={busy}
        >
          {t("cycle.move.newCycle", { number: cycle + 1 })}
        </button>
      </div>
      <p role="status" className="field-hint">
        {actionData?.done && !busy ? t("cycle.move.done") : ""}
      </p>
    </Form>
  );
}

type HistoryEntry = ReturnType<typeof useLoaderData<typeof loader>>["history"][number];

function History({ history }: { history: HistoryEntry[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="panel stack" aria-labelledby="history-title">
      <h2 id="history-title">{t("cycle.history")}</h2>
      {history.length ? (
        <ol className="phase-history">
          {history.map((entry) => (
            <li key={entry.id}>
              <p>
                <strong>
                  {entry.fromPhase
                    ? t("cycle.history.move", { from: t(`phase.${entry.fromPhase}`), to: t(`phase.${entry.toPhase}`) })
                    : t("cycle.history.start", { cycle: entry.cycleNumber, to: t(`phase.${entry.toPhase}`) })}
                </strong>{" "}
                <span className="muted">
                  {entry.user
                    ? t("cycle.history.by", { name: entry.user.name, date: formatDateTime(locale, entry.createdAt) })
                    : t("cycle.history.byUnknown", { date: formatDateTime(locale, entry.createdAt) })}
                </span>
              </p>
              {entry.comment ? <blockquote className="phase-comment">{entry.comment}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("cycle.historyEmpty")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
