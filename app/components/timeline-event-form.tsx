import { useEffect, useRef, useState, type FormEvent } from "react";
import { useT } from "~/i18n/use-translation";
import {
  TIMELINE_LIMITS,
  validateEvent,
  type EventErrors,
  type EventFields,
  type TimelineEvent,
} from "~/models/timeline/timeline-document";
import { TIMELINE_EVENT_TYPES, type Phase } from "~/models/core/vocabulary";
import { CyclePhaseSelects } from "./cycle-phase-fields";
import { FieldMessages, FormError, SelectField, TextAreaField, TextField } from "./form-field";

type Item = { id: string; title: string };

export type EventFormContext = {
  notes: Item[];
  surveys: Item[];
  cycleCount: number;
  current: { cycle: number; phase: Phase };
};

function fieldsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const get = (name: string) => (typeof data.get(name) === "string" ? (data.get(name) as string) : "");
  return {
    title: get("title"),
    type: get("type"),
    start: get("start"),
    end: get("end"),
    startTime: get("startTime"),
    endTime: get("endTime"),
    description: get("description"),
    participants: get("participants"),
    people: get("people"),
    noteIds: data.getAll("noteIds"),
    surveyIds: data.getAll("surveyIds"),
    milestone: data.get("milestone") === "on",
    cycle: get("cycle"),
    phase: get("phase"),
  };
}

/**
 * Adding or editing one event. Everything is checked with the document's own rules before a
 * single field is written (app/models/timeline/timeline-document.ts); a refusal shows a message next
 * to each field and changes nothing. Field ids are prefixed, so the form can sit next to others.
 */
export function TimelineEventForm({
  initial,
  context,
  onSave,
  onCancel,
}: {
  initial: TimelineEvent | null;
  context: EventFormContext;
  /** `base`: the event as the form showed it when it opened (null for a new one). */
  onSave: (fields: EventFields, base: TimelineEvent | null) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [errors, setErrors] = useState<EventErrors>({});
  // The form's fields are uncontrolled: they keep what they showed at opening, even when
  // another person changes the event meanwhile. Saving only writes what this person changed.
  const [base] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = initial ? "event-form-edit" : "event-form-new";
  const hasErrors = Object.keys(errors).length > 0;

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [initial?.id]);

  useEffect(() => {
    if (!hasErrors) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, hasErrors]);

  const onSubmit = (submit: FormEvent<HTMLFormElement>) => {
    submit.preventDefault();
    const result = validateEvent(fieldsOf(submit.currentTarget));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSave(result.event, base);
  };

  const message = (field: keyof EventFields) => {
    const error = errors[field];
    return error ? t(error.key, error.params) : undefined;
  };
  const v = initial;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="stack timeline-form" aria-labelledby={titleId}>
      <h3 id={titleId}>{t(initial ? "timeline.form.editTitle" : "timeline.form.newTitle")}</h3>
      <FormError message={hasErrors ? t("timeline.error.notSaved") : null} />
      <p className="field-hint">{t("timeline.form.required")}</p>
      <TextField
        name="title"
        label={t("timeline.form.title")}
        defaultValue={v?.title ?? ""}
        maxLength={TIMELINE_LIMITS.titleMax}
        error={message("title")}
        required
      />
      <SelectField
        name="type"
        label={t("timeline.form.type")}
        defaultValue={v?.type ?? "meeting"}
        error={message("type")}
      >
        {TIMELINE_EVENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`timeline.type.${type}`)}
          </option>
        ))}
      </SelectField>
      <div className="timeline-form__grid">
        <TextField
          name="start"
          type="date"
          label={t("timeline.form.start")}
          defaultValue={v?.start ?? ""}
          error={message("start")}
          required
        />
        <TextField
          name="end"
          type="date"
          label={t("timeline.form.end")}
          hint={t("timeline.form.endHint")}
          defaultValue={v?.end ?? ""}
          error={message("end")}
        />
        <TextField
          name="startTime"
          type="time"
          label={t("timeline.form.startTime")}
          hint={t("timeline.form.timeHint")}
          defaultValue={v?.startTime ?? ""}
          error={message("startTime")}
        />
        <TextField
          name="endTime"
          type="time"
          label={t("timeline.form.endTime")}
          defaultValue={v?.endTime ?? ""}
          error={message("endTime")}
        />
      </div>
      <TextAreaField
        name="description"
        label={t("timeline.form.description")}
        defaultValue={v?.description ?? ""}
        rows={3}
        error={message("description")}
      />
      <div className="timeline-form__grid">
        <TextField
          name="participants"
          type="number"
          inputMode="numeric"
          min={0}
          max={TIMELINE_LIMITS.participantsMax}
          label={t("timeline.form.participants")}
          defaultValue={v?.participants ?? ""}
          error={message("participants")}
        />
        <TextField
          name="people"
          label={t("timeline.form.people")}
          hint={t("timeline.form.peopleHint")}
          defaultValue={v?.people ?? ""}
          error={message("people")}
        />
      </div>
      <LinkChoices
        name="noteIds"
        legend={t("timeline.form.notes")}
        empty={t("timeline.form.noNotes")}
        items={context.notes}
        checked={v?.noteIds ?? []}
        error={message("noteIds")}
      />
      <LinkChoices
        name="surveyIds"
        legend={t("timeline.form.surveys")}
        empty={t("timeline.form.noSurveys")}
        items={context.surveys}
        checked={v?.surveyIds ?? []}
        error={message("surveyIds")}
      />
      <div className="timeline-form__grid">
        {/* An event names its cycle by number (timeline-document.ts), not by id. */}
        <CyclePhaseSelects
          cycles={Array.from({ length: context.cycleCount }, (_, i) => ({ id: String(i + 1), number: i + 1 }))}
          names={{ cycle: "cycle", phase: "phase" }}
          values={{
            cycle: String(v ? (v.cycle ?? "") : context.current.cycle),
            phase: v ? (v.phase ?? "") : context.current.phase,
          }}
          errors={{ cycle: message("cycle"), phase: message("phase") }}
          texts="field"
        />
      </div>
      <label className="choice">
        <input type="checkbox" name="milestone" defaultChecked={v?.milestone ?? false} />
        {t("timeline.form.milestone")}
      </label>
      <div className="actions">
        <button type="submit" className="button primary">
          {t("timeline.form.save")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("timeline.form.cancel")}
        </button>
      </div>
    </form>
  );
}

function LinkChoices({
  name,
  legend,
  empty,
  items,
  checked,
  error,
}: {
  name: string;
  legend: string;
  empty: string;
  items: Item[];
  checked: string[];
  error?: string;
}) {
  const t = useT();
  const messagesId = name;
  return (
    <fieldset className="field" aria-describedby={error ? `${messagesId}-error` : undefined}>
      <legend>{legend}</legend>
      {items.length ? (
        <div className="choice-list timeline-form__links">
          {items.map((item) => (
            <label key={item.id} className="choice">
              <input type="checkbox" name={name} value={item.id} defaultChecked={checked.includes(item.id)} />
              {item.title || t("timeline.untitledItem")}
            </label>
          ))}
        </div>
      ) : (
        <p className="field-hint">{empty}</p>
      )}
      <FieldMessages name={messagesId} error={error} />
    </fieldset>
  );
}
