import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useParams,
  useRouteError,
  type ClientActionFunctionArgs,
} from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { isNotSent, sendOrKeep, skipRevalidationWhenNotSent } from "~/utils/offline-action";
import { LastEdit } from "~/components/note-card";
import type { PickedTerritory } from "~/components/territory-picker";
import { NoteEditorArea } from "~/components/note-editor-area";
import { NoteMetadataForm, NoteMetadataView, type NoteMetadataValues } from "~/components/note-metadata-form";
import { localeFromRequest, type Locale, type Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import {
  formatDay,
  getNote,
  isPlausibleObservedDay,
  latestObservedDay,
  noteExists,
  parseDay,
  updateNoteMetadata,
  type MetadataChanges,
} from "~/models/notes/note.server";
import { cyclePhaseSchema, listCycles, type CycleOption } from "~/models/timeline/cycle.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { LIMITS } from "~/models/core/limits";
import { listTags, normalizeTagLabel } from "~/models/notes/tag.server";
import { findTerritory } from "~/models/projects/territory.server";
import { formatDate } from "~/utils/format";
import { readForm, text, texts, validate } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

/** Form fields arrive as strings; control characters never belong in a one-line place. */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

function metadataSchema(t: Translator, locale: Locale, cycles: CycleOption[]) {
  const earliest = parseDay(LIMITS.earliestObservedDay)!;
  return z.object({
    ...cyclePhaseSchema(t, cycles).shape,
    observedOn: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (!value) return null;
        const day = parseDay(value);
        if (!day) ctx.addIssue({ code: "custom", message: t("notes.meta.dateInvalid") });
        else if (!isPlausibleObservedDay(day)) {
          const range = { min: formatDate(locale, earliest), max: formatDate(locale, latestObservedDay()) };
          ctx.addIssue({ code: "custom", message: t("notes.meta.dateOutOfRange", range) });
        }
        return day;
      }),
    place: z
      .string()
      .transform(oneLine)
      .pipe(z.string().max(LIMITS.notePlaceMax, t("notes.meta.placeTooLong", { max: LIMITS.notePlaceMax })))
      .transform((place) => place || null),
    commune: z
      .string()
      .trim()
      .transform((code, ctx) => {
        if (!code) return null;
        const commune = code.length <= 5 ? findTerritory("commune", code) : null;
        if (!commune) ctx.addIssue({ code: "custom", message: t("notes.meta.communeUnknown") });
        return commune ? { code: commune.code, name: commune.name } : null;
      }),
    tagIds: z
      .array(z.string().min(1).max(64, t("notes.meta.tagUnknown")))
      .max(1000, t("notes.meta.tagUnknown"))
      .transform((ids) => [...new Set(ids)]),
    newTag: z
      .string()
      .transform(normalizeTagLabel)
      .pipe(z.string().max(LIMITS.tagLabelMax, t("notes.meta.newTagTooLong", { max: LIMITS.tagLabelMax })))
      .transform((label) => label || null),
  });
}

/** The commune as the picker shows it; a code the official data dropped keeps its stored name. */
function pickedCommune(code: string | null, storedName: string | null = null): PickedTerritory | null {
  if (!code) return null;
  const commune = code.length <= 5 ? findTerritory("commune", code) : null;
  const base = { value: `commune:${code}`, kind: "commune" as const, code };
  if (commune) return { ...base, name: commune.name, departement: commune.departement, population: commune.population };
  return storedName ? { ...base, name: storedName, departement: null, population: null } : null;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [project] = projectPageTitle(matches, null);
  return [{ title: data ? `${data.pageTitle} · ${project!.title}` : project!.title }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const note = await getNote({ projectId: access.projectId, noteId: params.noteId ?? "" });
  if (!note) notFound(t);
  const canEdit = can(access, "notes.edit");
  const cycles = await listCycles({ projectId: access.projectId });
  const values: NoteMetadataValues = {
    cycleId: note.cycleId ?? "",
    phase: note.phase ?? "",
    observedOn: formatDay(note.observedOn),
    place: note.place ?? "",
    commune: pickedCommune(note.placeCommuneCode, note.placeCommuneName),
    tagIds: note.tags.map((tag) => tag.id),
    newTag: "",
  };
  return json({
    note,
    pageTitle: note.title || t("notes.untitled"),
    canEdit,
    viewer: { id: user.id, name: user.name },
    codebook: canEdit ? await listTags({ projectId: access.projectId }) : [],
    cycles,
    values,
    limits: {
      placeMax: LIMITS.notePlaceMax,
      tagMax: LIMITS.tagLabelMax,
      earliestDay: LIMITS.earliestObservedDay,
      latestDay: formatDay(latestObservedDay()),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "notes.edit");
  const noteId = params.noteId ?? "";
  // Another project's note is unknown here, whatever the form says: 404 before any validation.
  if (!(await noteExists({ projectId: access.projectId, noteId }))) notFound(t);
  const formData = await readForm(request, t);
  const values = {
    observedOn: text(formData, "observedOn"),
    place: text(formData, "place"),
    commune: text(formData, "commune"),
    tagIds: texts(formData, "tagIds"),
    newTag: text(formData, "newTag"),
    cycleId: text(formData, "cycleId"),
    phase: text(formData, "phase"),
  };
  // Shown again as typed when JavaScript is off, so a refusal does not wipe the form.
  const echo: NoteMetadataValues = { ...values, commune: pickedCommune(values.commune) };
  const refuse = (fieldErrors: Record<string, string>) =>
    json({ fieldErrors, values: echo, savedAt: null }, { status: 400 });
  if (text(formData, "intent") !== "metadata") return refuse({ form: t("notes.invalidRequest") });
  const cycles = await listCycles({ projectId: access.projectId });
  const result = validate(metadataSchema(t, localeFromRequest(request), cycles), values);
  if (!result.ok) return refuse(result.fieldErrors);
  // What the page showed when this person opened it: only the fields they changed are written,
  // so someone else's save in the meantime is kept. A form without it (a script) writes all.
  const was = formData.has("was.place")
    ? {
        observedOn: text(formData, "was.observedOn"),
        place: text(formData, "was.place"),
        commune: text(formData, "was.commune"),
        cycleId: text(formData, "was.cycleId"),
        phase: text(formData, "was.phase"),
        tagIds: texts(formData, "was.tagIds"),
      }
    : null;
  const changes: MetadataChanges | null = was && {
    observedOn: values.observedOn !== was.observedOn,
    place: values.place !== was.place,
    commune: values.commune !== was.commune,
    cyclePhase: values.cycleId !== was.cycleId || values.phase !== was.phase,
    tagsBefore: was.tagIds,
  };
  const outcome = await updateNoteMetadata({
    projectId: access.projectId,
    noteId,
    metadata: result.data,
    changes,
  });
  if (outcome === "not_found") notFound(t);
  if (outcome === "unknown_tag") return refuse({ tagIds: t("notes.meta.tagUnknown") });
  if (outcome === "unknown_cycle") return refuse({ cycleId: t("cycle.field.cycleUnknown") });
  return json({ fieldErrors: {}, values: null, savedAt: Date.now() });
}

// Saving the note's information offline keeps the form and says so (the text itself syncs on its own).
export const clientAction = (args: ClientActionFunctionArgs) => sendOrKeep<typeof action>(args);
export const shouldRevalidate = skipRevalidationWhenNotSent;

export default function NotePage() {
  const t = useT();
  const locale = useLocale();
  const { note, pageTitle, canEdit, viewer, codebook, cycles, values, limits } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof clientAction>();
  const notSent = isNotSent(answer);
  const actionData = notSent ? undefined : answer;
  const projectId = useParams().projectId!;
  const created = formatDate(locale, note.createdAt);
  return (
    <article className="note-page stack" aria-labelledby="note-title">
      <p>
        <Link to={`/projects/${projectId}/notes`}>
          <span aria-hidden="true">← </span>
          {t("notes.back")}
        </Link>
      </p>
      <header>
        <h2 id="note-title">{pageTitle}</h2>
        <p className="card-meta">
          <span>
            {note.author
              ? t("notes.createdBy", { name: note.author.name, date: created })
              : t("notes.createdByUnknown", { date: created })}
          </span>
          {note.lastEditedAt ? <LastEdit note={note} /> : null}
        </p>
      </header>
      {canEdit ? null : <p className="notice">{t("notes.readOnlyNote")}</p>}
      <div className="note-layout">
        <section className="panel note-body" aria-labelledby="note-body-title">
          <h3 id="note-body-title" className="visually-hidden">
            {t("notes.body")}
          </h3>
          <NoteEditorArea docName={`note:${note.id}`} user={viewer} readOnly={!canEdit} excerpt={note.excerpt} />
        </section>
        <section className="panel note-meta" aria-labelledby="note-meta-title">
          <h3 id="note-meta-title">{t("notes.meta.title")}</h3>
          {notSent ? (
            <p role="alert" className="notice">
              {t("offline.notSaved")}
            </p>
          ) : null}
          {canEdit ? (
            <NoteMetadataForm
              // Remounted once the saved note comes back from the loader (not on the action's answer,
              // which arrives first): the stored values, and an empty "new tag" field.
              key={note.updatedAt}
              values={actionData?.values ?? values}
              stored={values}
              tags={codebook}
              cycles={cycles}
              errors={actionData?.fieldErrors ?? {}}
              limits={limits}
              saved={Boolean(actionData?.savedAt)}
            />
          ) : (
            <NoteMetadataView
              observedOn={note.observedOn}
              place={note.place}
              communeName={note.placeCommuneName}
              tags={note.tags}
              cycleNumber={note.cycle?.number ?? null}
              phase={note.phase}
            />
          )}
        </section>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
