import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useParams,
  useRouteError,
  type ClientActionFunctionArgs,
} from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { removalText, trashedByText, type TrashedNoteData } from "~/components/note-trash";
import { useLocale, useT } from "~/i18n/use-translation";
import { listTrashedNotes, NOTE_TRASH_DAYS, noteOwner, restoreNote } from "~/models/notes/note-trash.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { readForm, text } from "~/utils/forms.server";
import { forbidden, notFound } from "~/utils/http.server";
import { isNotSent, sendOrKeep, skipRevalidationWhenNotSent } from "~/utils/offline-action";
import { projectPageTitle } from "~/utils/page-title";

const restoreSchema = z.object({ intent: z.literal("restore"), noteId: z.string().min(1).max(64) });

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "notes.trash.title");

/**
 * The project's trash: for the members who work on notes (a reader has nothing to restore, and a
 * note may have been trashed for what it said).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "notes.edit");
  const notes = await listTrashedNotes({ projectId: access.projectId });
  return json({
    days: NOTE_TRASH_DAYS,
    notes: notes.map((note) => ({
      ...note,
      canRestore: note.daysLeft > 0 && can(access, "notes.restore", { ownerId: note.authorId }),
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "notes.edit");
  const formData = await readForm(request, t);
  const parsed = restoreSchema.safeParse({ intent: text(formData, "intent"), noteId: text(formData, "noteId") });
  if (!parsed.success) return json({ restored: null, error: t("notes.invalidRequest") }, { status: 400 });
  const { noteId } = parsed.data;
  const owner = await noteOwner({ projectId: access.projectId, noteId });
  if (!owner) notFound(t);
  if (!can(access, "notes.restore", { ownerId: owner.authorId })) forbidden(t);
  if (!(await restoreNote({ projectId: access.projectId, noteId }))) {
    return json({ restored: null, error: t("notes.trash.gone") }, { status: 409 });
  }
  return json({ restored: { id: noteId, title: owner.title }, error: null });
}

export const clientAction = (args: ClientActionFunctionArgs) => sendOrKeep<typeof action>(args);
export const shouldRevalidate = skipRevalidationWhenNotSent;

export default function NotesTrashPage() {
  const t = useT();
  const { days, notes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof clientAction>();
  const projectId = useParams().projectId!;
  const base = `/projects/${projectId}/notes`;
  return (
    <section className="panel stack" aria-labelledby="trash-title">
      <p>
        <Link to={base}>
          <span aria-hidden="true">← </span>
          {t("notes.back")}
        </Link>
      </p>
      <h2 id="trash-title">{t("notes.trash.title")}</h2>
      <p>{t("notes.trash.intro", { days })}</p>
      {/* Always in the page, so that what a restore says is announced when it appears. */}
      <div role="status">
        {answer && !isNotSent(answer) && answer.restored ? (
          <p className="notice success">
            {t("notes.trash.restored", { title: answer.restored.title || t("notes.untitled") })}{" "}
            <Link to={`${base}/${answer.restored.id}`}>{t("notes.trash.openRestored")}</Link>
          </p>
        ) : null}
      </div>
      {answer && isNotSent(answer) ? (
        <p role="alert" className="notice">
          {t("notes.restore.notSent")}
        </p>
      ) : null}
      {answer && !isNotSent(answer) && answer.error ? (
        <p role="alert" className="form-error">
          {answer.error}
        </p>
      ) : null}
      {notes.length ? (
        <ul className="card-list note-list">
          {notes.map((note) => (
            <TrashedNoteCard key={note.id} note={note} canRestore={note.canRestore} />
          ))}
        </ul>
      ) : (
        <p className="empty">{t("notes.trash.empty")}</p>
      )}
    </section>
  );
}

function TrashedNoteCard({ note, canRestore }: { note: TrashedNoteData; canRestore: boolean }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().formData?.get("noteId") === note.id;
  const title = note.title || t("notes.untitled");
  return (
    <li className="card note-card">
      <h3>{title}</h3>
      <p className="card-meta">
        <span>{trashedByText(t, locale, note)}</span>
        <span>{removalText(t, locale, note)}</span>
      </p>
      {canRestore ? (
        <Form method="post">
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="noteId" value={note.id} />
          <button
            type="submit"
            className="button small"
            disabled={busy}
            // Which note, for a list of "Restaurer" buttons read out of context; starts with the visible word.
            aria-label={t("notes.trash.restoreNamed", { title })}
          >
            {t("notes.trash.restore")}
          </button>
        </Form>
      ) : null}
    </li>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
