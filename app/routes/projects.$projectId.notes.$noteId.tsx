import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useFetchers,
  useLocation,
  useMatches,
  useParams,
  useRouteError,
  useSearchParams,
  type ClientActionFunctionArgs,
  type ClientLoaderFunctionArgs,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { CommentThreads } from "~/components/comments/comment-threads";
import { useCommentPanel } from "~/components/comments/use-comment-panel";
import { ErrorPage } from "~/components/error-page";
import { isNotSent, sendOrKeep, skipRevalidationWhenNotSent } from "~/utils/offline-action";
import { serverOrKept, useKeptPageData } from "~/utils/offline-pages";
import { LastEdit } from "~/components/note-card";
import type { PickedTerritory } from "~/components/territory-picker";
import { NoteCitations } from "~/components/note-citations";
import { NoteEditorArea } from "~/components/note-editor-area";
import { NoteNotKeptOffline } from "~/components/note-offline";
import { NoteTrashForm, TrashedNote } from "~/components/note-trash";
import { NoteMetadataForm, NoteMetadataView, type NoteMetadataValues } from "~/components/note-metadata-form";
import { localeFromRequest, type Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { formatDay, getNote, latestObservedDay, updateNoteMetadata } from "~/models/notes/note.server";
import { metadataSchema, readMetadataForm } from "~/models/notes/note-metadata-form.server";
import { NEW_NOTE_HASH } from "~/models/notes/new-note";
import { listCycles } from "~/models/timeline/cycle.server";
import { getTrashedNote, NOTE_TRASH_DAYS, noteOwner, restoreNote, trashNote } from "~/models/notes/note-trash.server";
import { can, type ProjectAccess } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { listThreads } from "~/models/comments/thread-list.server";
import { LIMITS } from "~/models/core/limits";
import { listTags } from "~/models/notes/tag.server";
import { noteCodingData } from "~/models/notes/coded-passages-page.server";
import { visibleFindingsWhere } from "~/models/review/finding-visibility.server";
import codingStyles from "~/styles/coding.css";
import commentStyles from "~/styles/comments.css";
import { findTerritory } from "~/models/projects/territory.server";
import { formatDate } from "~/utils/format";
import { readForm, text, validate } from "~/utils/forms.server";
import { forbidden, notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

/** The commune as the picker shows it; a code the official data dropped keeps its stored name. */
function pickedCommune(code: string | null, storedName: string | null = null): PickedTerritory | null {
  if (!code) return null;
  const commune = code.length <= 5 ? findTerritory("commune", code) : null;
  const base = { value: `commune:${code}`, kind: "commune" as const, code };
  if (commune) return { ...base, name: commune.name, departement: commune.departement, population: commune.population };
  return storedName ? { ...base, name: storedName, departement: null, population: null } : null;
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: codingStyles },
  { rel: "stylesheet", href: commentStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [project] = projectPageTitle(matches, null);
  return [{ title: data ? `${data.pageTitle} · ${project!.title}` : project!.title }];
};

/** A trashed note's page: what happened and, for those allowed, the way back (not the editor). */
async function trashedNotePage(access: ProjectAccess, noteId: string, t: Translator) {
  const trashed = await getTrashedNote({ projectId: access.projectId, noteId });
  if (!trashed) notFound(t);
  const canRestore = can(access, "notes.restore", { ownerId: trashed.authorId }) && trashed.daysLeft > 0;
  const { id, title, deletedAt, deletedBy, removedAt, daysLeft } = trashed;
  return json({
    kind: "trashed" as const,
    pageTitle: t("notes.trashed.title"),
    // The title only for those who work on notes, like the trash itself.
    trashed: { id, title: can(access, "notes.edit") ? title : null, deletedAt, deletedBy, removedAt, daysLeft },
    canRestore,
    canSeeTrash: can(access, "notes.edit"),
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const note = await getNote({ projectId: access.projectId, noteId: params.noteId ?? "" });
  if (!note) return trashedNotePage(access, params.noteId ?? "", t);
  const canEdit = can(access, "notes.edit");
  const canCite = can(access, "findings.edit");
  const [cycles, coding] = await Promise.all([
    listCycles({ projectId: access.projectId }),
    noteCodingData({
      projectId: access.projectId,
      noteId: note.id,
      canCite,
      evidenceId: new URL(request.url).searchParams.get("evidence"),
      visible: visibleFindingsWhere(access),
    }),
  ]);
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
    kind: "note" as const,
    // Comment threads (issue 15 §2): two indexed reads whatever their number.
    threads: await listThreads(access, { noteId: note.id }),
    note,
    pageTitle: note.title || t("notes.untitled"),
    canEdit,
    canDelete: can(access, "notes.delete", { ownerId: note.author?.id ?? null }),
    trashDays: NOTE_TRASH_DAYS,
    viewer: { id: user.id, name: user.name },
    codebook: canEdit ? await listTags({ projectId: access.projectId, keep: values.tagIds }) : [],
    // Adding a code to the codebook is managing it (issue 14): others tick existing codes only.
    canAddCodes: can(access, "codes.manage"),
    coding: { ...coding, canCite },
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const projectId = access.projectId;
  const noteId = params.noteId ?? "";
  // Another project's note is unknown here, whatever the form says: 404 before any validation.
  const owner = await noteOwner({ projectId, noteId });
  if (!owner) notFound(t);
  const formData = await readForm(request, t);
  const intent = text(formData, "intent");
  const here = `/projects/${projectId}/notes/${noteId}`;
  if (intent === "trash") {
    if (!can(access, "notes.delete", { ownerId: owner.authorId })) forbidden(t);
    // Open editors close at once with 4410 and say why (app/editor/use-connection-status.client.ts).
    if (await trashNote({ projectId, noteId, userId: user.id })) context.documents.closeDocument(`note:${noteId}`);
    return redirect(here);
  }
  if (intent === "restore") {
    if (!can(access, "notes.restore", { ownerId: owner.authorId })) forbidden(t);
    await restoreNote({ projectId, noteId });
    return redirect(here);
  }
  if (!can(access, "notes.edit")) forbidden(t);
  // Trashed while this form was open: the page now says so, and offers to restore it.
  if (owner.deletedAt) return redirect(here);
  const { values, changes, newTagChoice } = readMetadataForm(formData);
  // Shown again as typed when JavaScript is off, so a refusal does not wipe the form.
  const echo: NoteMetadataValues = { ...values, commune: pickedCommune(values.commune) };
  const refuse = (fieldErrors: Record<string, string>) =>
    json({ fieldErrors, values: echo, savedAt: null, lookalike: null }, { status: 400 });
  if (values.newTag.trim() !== "" && !can(access, "codes.manage")) {
    return json(
      { fieldErrors: { newTag: t("notes.meta.newTagNotAllowed") }, values: echo, savedAt: null, lookalike: null },
      { status: 403 },
    );
  }
  if (intent !== "metadata") return refuse({ form: t("notes.invalidRequest") });
  const cycles = await listCycles({ projectId });
  const result = validate(metadataSchema(t, localeFromRequest(request), cycles), values);
  if (!result.ok) return refuse(result.fieldErrors);
  const outcome = await updateNoteMetadata({
    projectId: access.projectId,
    noteId,
    metadata: { ...result.data, newTagChoice },
    changes,
  });
  if (outcome === "not_found") notFound(t);
  if (outcome === "trashed") return redirect(here);
  if (typeof outcome === "object") {
    // Nothing saved: the form comes back as typed, with the question (both answers post it again).
    const lookalike = { label: result.data.newTag ?? "", existing: outcome.lookalike.label };
    return json({ fieldErrors: {}, values: echo, savedAt: null, lookalike }, { status: 409 });
  }
  if (outcome === "unknown_tag") return refuse({ tagIds: t("notes.meta.tagUnknown") });
  if (outcome === "unknown_cycle") return refuse({ cycleId: t("cycle.field.cycleUnknown") });
  return json({ fieldErrors: {}, values: null, savedAt: Date.now(), lookalike: null });
}

// Saving the note's information offline keeps the form and says so (the text itself syncs on its own).
export const clientAction = (args: ClientActionFunctionArgs) => sendOrKeep<typeof action>(args);
export const shouldRevalidate = skipRevalidationWhenNotSent;

/** A note asked for offline that this device never kept: the error page says just that. */
class NoteNotKept extends Error {}

/**
 * Offline, a client-side navigation (a note clicked in the list) asks for the loader's data and
 * gets no answer: the page then opens from the data kept the last time this device showed the
 * note (NotePage keeps it), and the editor from its local copy, as a reload does through the
 * service worker.
 */
export const clientLoader = ({ request, serverLoader }: ClientLoaderFunctionArgs) =>
  serverOrKept(
    request,
    () => serverLoader<typeof loader>(),
    () => new NoteNotKept(),
  );

export default function NotePage() {
  const data = useLoaderData<typeof clientLoader>();
  useKeptPageData(data);
  if (data.kind === "trashed") {
    return <TrashedNote trashed={data.trashed} canRestore={data.canRestore} canSeeTrash={data.canSeeTrash} />;
  }
  return <LiveNotePage data={data} />;
}

type NoteData = Extract<SerializeFrom<typeof clientLoader>, { kind: "note" }>;

/**
 * The note's title follows its first heading (or first line) as anyone types it, by the same
 * rule as the lists (app/models/notes/note-projection.ts); null until the editor has the text.
 */
function useLiveTitle(pageTitle: string) {
  const t = useT();
  const [live, setLive] = useState<string | null>(null);
  const title = live === null ? pageTitle : live || t("notes.untitled");
  const [project] = projectPageTitle(useMatches(), null);
  useEffect(() => {
    if (live !== null) document.title = `${title} · ${project!.title}`;
  });
  return { title, onTitle: setLive };
}

function LiveNotePage({ data }: { data: NoteData }) {
  const t = useT();
  const locale = useLocale();
  const { note, pageTitle, canEdit, canDelete, trashDays, viewer, codebook, canAddCodes, cycles, values, limits } =
    data;
  // Page data kept offline by an older version has no coding part.
  const coding = data.coding ?? { codebook: [], canCite: false, findings: [], citedIn: [], evidenceAnchor: null };
  const [searchParams] = useSearchParams();
  const answer = useActionData<typeof clientAction>();
  const notSent = isNotSent(answer);
  const actionData = notSent ? undefined : answer;
  const projectId = useParams().projectId!;
  const created = formatDate(locale, note.createdAt);
  const { title, onTitle } = useLiveTitle(pageTitle);
  // Page data kept offline by an older version has no threads.
  const comments = useCommentPanel(data.threads ?? null);
  // The editor closes as soon as its note goes to the trash, rather than telling this person
  // that "someone" trashed it.
  const trashing = useFetchers().some((fetcher) => fetcher.formData?.get("intent") === "trash");
  // Just made with the new-note form: its title becomes the text's first heading. Only while no
  // edit was ever projected; the editor also checks that the text is still empty.
  const seedTitle = useLocation().hash === NEW_NOTE_HASH && canEdit && !note.lastEditedAt ? note.title : "";
  return (
    <article className="note-page stack" aria-labelledby="note-title">
      <p>
        <Link to={`/projects/${projectId}/notes`}>
          <span aria-hidden="true">← </span>
          {t("notes.back")}
        </Link>
      </p>
      <header>
        <h2 id="note-title">{title}</h2>
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
          {trashing ? (
            <p className="muted">{t("notes.delete.busy")}</p>
          ) : (
            <NoteEditorArea
              docName={`note:${note.id}`}
              user={viewer}
              readOnly={!canEdit}
              excerpt={note.excerpt}
              listHref={`/projects/${projectId}/notes`}
              onTitle={onTitle}
              seedTitle={seedTitle}
              coding={{
                projectId,
                noteId: note.id,
                codebook: coding.codebook,
                canCite: coding.canCite,
                findings: coding.findings,
                passage: searchParams.get("passage"),
                evidenceAnchor: coding.evidenceAnchor,
              }}
              comments={comments.editor}
            />
          )}
          <NoteCitations projectId={projectId} findings={coding.citedIn} />
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
              canAddCodes={canAddCodes}
              cycles={cycles}
              errors={actionData?.fieldErrors ?? {}}
              limits={limits}
              saved={Boolean(actionData?.savedAt)}
              lookalike={actionData?.lookalike ?? null}
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
      {data.threads ? <CommentThreads projectId={projectId} data={data.threads} panel={comments.panel} /> : null}
      {canDelete ? <NoteTrashForm days={trashDays} /> : null}
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return error instanceof NoteNotKept ? <NoteNotKeptOffline /> : <ErrorPage error={error} />;
}
