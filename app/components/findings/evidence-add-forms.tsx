import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-translation";
import { FINDING_LIMITS as L } from "~/models/findings/finding-limits";
import { FormError, SelectField, TextField } from "../form-field";

export type EvidenceChoices = {
  codes: { id: string; label: string }[];
  questions: { value: string; label: string }[];
  events: { eventId: string; title: string; startDay: string }[];
};

export type AddRefusal = { intent: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

/** The forms that add evidence other than quotes (those come from the note editor). */
export function EvidenceAddForms({ choices, refusal }: { choices: EvidenceChoices; refusal: AddRefusal }) {
  const t = useT();
  const errorsFor = (intent: string) => (refusal?.intent === intent ? refusal.fieldErrors : {});
  const valuesFor = (intent: string) => (refusal?.intent === intent ? refusal.values : {});
  return (
    <section className="evidence-add stack" aria-labelledby="evidence-add-title">
      <h4 id="evidence-add-title">{t("findings.evidence.add")}</h4>
      <p className="muted">{t("findings.evidence.quoteHint")}</p>
      <AddForm intent="add-code" summary={t("findings.evidence.addCode")} refusal={refusal}>
        <SelectField
          name="codeId"
          id="add-code-codeId"
          label={t("findings.evidence.code")}
          error={errorsFor("add-code").codeId}
          defaultValue={valuesFor("add-code").codeId ?? ""}
          required
        >
          <option value="">{t("findings.evidence.choose")}</option>
          {choices.codes.map((code) => (
            <option key={code.id} value={code.id}>
              {code.label}
            </option>
          ))}
        </SelectField>
      </AddForm>
      <AddForm intent="add-survey" summary={t("findings.evidence.addSurvey")} refusal={refusal}>
        <SelectField
          name="question"
          id="add-survey-question"
          label={t("findings.evidence.survey")}
          error={errorsFor("add-survey").question}
          defaultValue={valuesFor("add-survey").question ?? ""}
          required
        >
          <option value="">{t("findings.evidence.choose")}</option>
          {choices.questions.map((question) => (
            <option key={question.value} value={question.value}>
              {question.label}
            </option>
          ))}
        </SelectField>
        <TextField
          name="from"
          type="date"
          label={t("findings.evidence.from")}
          error={errorsFor("add-survey").from}
          defaultValue={valuesFor("add-survey").from}
        />
        <TextField
          name="to"
          type="date"
          label={t("findings.evidence.to")}
          error={errorsFor("add-survey").to}
          defaultValue={valuesFor("add-survey").to}
        />
        <TextField
          name="commune"
          label={t("findings.evidence.commune")}
          error={errorsFor("add-survey").commune}
          defaultValue={valuesFor("add-survey").commune}
          maxLength={5}
        />
      </AddForm>
      <AddForm intent="add-event" summary={t("findings.evidence.addEvent")} refusal={refusal}>
        <SelectField
          name="eventId"
          id="add-event-eventId"
          label={t("findings.evidence.event")}
          error={errorsFor("add-event").eventId}
          defaultValue={valuesFor("add-event").eventId ?? ""}
          required
        >
          <option value="">{t("findings.evidence.choose")}</option>
          {choices.events.map((event) => (
            <option key={event.eventId} value={event.eventId}>
              {event.startDay} — {event.title}
            </option>
          ))}
        </SelectField>
      </AddForm>
      <AddForm intent="add-source" summary={t("findings.evidence.addSource")} refusal={refusal}>
        <TextField
          name="sourceTitle"
          label={t("findings.evidence.sourceTitle")}
          error={errorsFor("add-source").sourceTitle}
          defaultValue={valuesFor("add-source").sourceTitle}
          maxLength={L.sourceTitleMax}
          required
        />
        <TextField
          name="sourceUrl"
          type="url"
          label={t("findings.evidence.sourceUrl")}
          error={errorsFor("add-source").sourceUrl}
          defaultValue={valuesFor("add-source").sourceUrl}
          maxLength={L.sourceUrlMax}
        />
        <TextField
          name="sourceReference"
          label={t("findings.evidence.sourceReference")}
          error={errorsFor("add-source").sourceReference}
          defaultValue={valuesFor("add-source").sourceReference}
          maxLength={L.sourceReferenceMax}
        />
      </AddForm>
    </section>
  );
}

function AddForm({
  intent,
  summary,
  refusal,
  children,
}: {
  intent: string;
  summary: string;
  refusal: AddRefusal;
  children: ReactNode;
}) {
  const t = useT();
  const mine = refusal?.intent === intent;
  return (
    <details open={mine || undefined}>
      <summary>{summary}</summary>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value={intent} />
        {mine ? <FormError message={refusal.fieldErrors.form} /> : null}
        {children}
        <div className="field">
          <label htmlFor={`${intent}-comment`}>{t("findings.evidence.shows")}</label>
          <textarea
            id={`${intent}-comment`}
            name="comment"
            rows={2}
            maxLength={L.commentMax}
            defaultValue={mine ? refusal.values.comment : undefined}
            aria-invalid={mine && refusal.fieldErrors.comment ? true : undefined}
            aria-describedby={mine && refusal.fieldErrors.comment ? `${intent}-comment-error` : undefined}
          />
          {mine && refusal.fieldErrors.comment ? (
            <p id={`${intent}-comment-error`} className="field-error">
              {refusal.fieldErrors.comment}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="button primary">
            {t("findings.evidence.submit")}
          </button>
        </p>
      </Form>
    </details>
  );
}
