import { Form, useNavigation } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-translation";
import { PHASES, type Phase } from "~/models/core/vocabulary";
import { formatDate } from "~/utils/format";
import { CyclePhaseFields, type CycleChoice } from "./cycle-phase-fields";
import { FieldMessages, FormError, TextField, useFocusFirstError } from "./form-field";
import { TerritoryPicker, type PickedTerritory, type TerritoryPickerTexts } from "./territory-picker";

export type NoteMetadataValues = {
  observedOn: string;
  place: string;
  commune: PickedTerritory | null;
  tagIds: string[];
  newTag: string;
  cycleId: string;
  phase: string;
};

export type NoteMetadataLimits = { placeMax: number; tagMax: number; earliestDay: string; latestDay: string };

type Tag = { id: string; label: string };

/** The server's question when a new tag looks like one in the codebook ("Marche" and "Marché"). */
export type TagLookalike = { label: string; existing: string };

const COMMUNES_ONLY = ["commune"] as const;
const COMMUNE_TEXTS: TerritoryPickerTexts = {
  label: "notes.meta.commune",
  hint: "notes.meta.communeHint",
  results: "notes.meta.communeResults",
  none: "notes.meta.communeNone",
  picked: "notes.meta.communePicked",
  clear: "notes.meta.communeClear",
};

/** Observed date, place, commune and codebook tags of a note, for the roles that may edit notes. */
export function NoteMetadataForm({
  values,
  stored,
  tags,
  cycles,
  errors,
  limits,
  saved,
  lookalike = null,
  canAddCodes,
}: {
  values: NoteMetadataValues;
  /** What the page was loaded with: sent back as `was.*`, so that a save writes only what this person changed. */
  stored: NoteMetadataValues;
  tags: Tag[];
  /** Whether the person may add a code to the codebook from here (`codes.manage`). */
  canAddCodes: boolean;
  cycles: CycleChoice[];
  errors: Record<string, string>;
  limits: NoteMetadataLimits;
  saved: boolean;
  /** Nothing was saved: ask whether to create the new tag or use its look-alike. */
  lookalike?: TagLookalike | null;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const hasErrors = Object.keys(errors).length > 0;
  // The question takes the focus like an error would, so that it is read out at once.
  const formRef = useFocusFirstError(hasErrors ? errors : lookalike);
  return (
    <Form ref={formRef} method="post" noValidate className="stack note-metadata">
      <input type="hidden" name="intent" value="metadata" />
      <input type="hidden" name="was.observedOn" value={stored.observedOn} />
      <input type="hidden" name="was.place" value={stored.place} />
      <input type="hidden" name="was.commune" value={stored.commune?.code ?? ""} />
      <input type="hidden" name="was.cycleId" value={stored.cycleId} />
      <input type="hidden" name="was.phase" value={stored.phase} />
      {stored.tagIds.map((id) => (
        <input key={id} type="hidden" name="was.tagIds" value={id} />
      ))}
      <FormError message={hasErrors ? (errors.form ?? t("form.fixErrors")) : null} />
      <TextField
        name="observedOn"
        type="date"
        label={t("notes.meta.observedOn")}
        hint={t("notes.meta.observedOnHint")}
        defaultValue={values.observedOn}
        min={limits.earliestDay}
        max={limits.latestDay}
        error={errors.observedOn}
      />
      <TextField
        name="place"
        label={t("notes.meta.place")}
        hint={t("notes.meta.placeHint", { max: limits.placeMax })}
        defaultValue={values.place}
        maxLength={limits.placeMax}
        error={errors.place}
      />
      <TerritoryPicker
        name="commune"
        initial={values.commune}
        error={errors.commune}
        kinds={COMMUNES_ONLY}
        hiddenValue={(commune) => commune.code}
        texts={COMMUNE_TEXTS}
      />
      <CyclePhaseFields cycles={cycles} values={values} errors={errors} />
      <fieldset className="field" aria-describedby={`tagIds-hint${errors.tagIds ? " tagIds-error" : ""}`}>
        <legend>{t("notes.meta.tags")}</legend>
        {tags.length ? (
          <div className="choice-grid">
            {tags.map((tag) => (
              <label key={tag.id} className="choice">
                <input type="checkbox" name="tagIds" value={tag.id} defaultChecked={values.tagIds.includes(tag.id)} />
                {tag.label}
              </label>
            ))}
          </div>
        ) : null}
        <FieldMessages
          name="tagIds"
          hint={tags.length ? t("notes.meta.tagsHint") : t("notes.meta.tagsEmpty")}
          error={errors.tagIds}
        />
        {canAddCodes ? (
          <TextField
            name="newTag"
            label={t("notes.meta.newTag")}
            hint={t("notes.meta.newTagHint", { max: limits.tagMax })}
            defaultValue={values.newTag}
            maxLength={limits.tagMax}
            error={errors.newTag}
          />
        ) : null}
      </fieldset>
      <div className="inline-form">
        <button type="submit" className="button primary" disabled={busy}>
          {t("notes.meta.save")}
        </button>
        <p role="status" className="field-hint">
          {saved && !busy ? t("notes.meta.saved") : ""}
        </p>
      </div>
      {lookalike ? <LookalikeQuestion lookalike={lookalike} busy={busy} /> : null}
    </Form>
  );
}

/**
 * Both answers post the whole form again. After the save button in the page, so that Enter in
 * a field (which presses the form's first button) saves, and asks again, rather than choosing.
 */
function LookalikeQuestion({ lookalike, busy }: { lookalike: TagLookalike; busy: boolean }) {
  const t = useT();
  const names = { label: lookalike.label, existing: lookalike.existing };
  return (
    <div className="tag-lookalike stack">
      <input type="hidden" name="newTagAsked" value={lookalike.label} />
      <p role="alert">{t("notes.meta.lookalike", names)}</p>
      <div className="actions">
        <button type="submit" name="newTagChoice" value="create" className="button" disabled={busy}>
          {t("notes.meta.lookalikeCreate", names)}
        </button>
        <button type="submit" name="newTagChoice" value="use" className="button" disabled={busy}>
          {t("notes.meta.lookalikeUse", names)}
        </button>
      </div>
    </div>
  );
}

/** The same information for readers, who may not change it. */
export function NoteMetadataView({
  observedOn,
  place,
  communeName,
  tags,
  cycleNumber,
  phase,
}: {
  observedOn: string | null;
  place: string | null;
  communeName: string | null;
  tags: Tag[];
  cycleNumber: number | null;
  phase: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const none = <span className="muted">{t("notes.meta.none")}</span>;
  return (
    <dl className="facts">
      <dt>{t("notes.meta.observedOn")}</dt>
      <dd>{observedOn ? formatDate(locale, observedOn) : none}</dd>
      <dt>{t("notes.meta.place")}</dt>
      <dd>{place || none}</dd>
      <dt>{t("notes.meta.communeLabel")}</dt>
      <dd>{communeName || none}</dd>
      <dt>{t("cycle.field.cycle")}</dt>
      <dd>{cycleNumber ? t("cycle.number", { number: cycleNumber }) : none}</dd>
      <dt>{t("cycle.field.phase")}</dt>
      <dd>{phase && (PHASES as readonly string[]).includes(phase) ? t(`phase.${phase as Phase}`) : none}</dd>
      <dt>{t("notes.meta.tags")}</dt>
      <dd>
        {tags.length ? (
          <ul className="tags">
            {tags.map((tag) => (
              <li key={tag.id}>{tag.label}</li>
            ))}
          </ul>
        ) : (
          none
        )}
      </dd>
    </dl>
  );
}
