import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
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
import { TextField } from "~/components/form-field";
import type { Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { NEW_NOTE_HASH } from "~/models/notes/new-note";
import { TITLE_MAX } from "~/models/notes/note-projection";
import { createNote } from "~/models/notes/note.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { readForm, text, validate } from "~/utils/forms.server";
import { isNotSent, sendOrKeep, skipRevalidationWhenNotSent } from "~/utils/offline-action";
import { projectPageTitle } from "~/utils/page-title";

// The title may be left empty: some notes find their title once written.
const newNoteSchema = (t: Translator) =>
  z.object({
    title: z
      .string()
      .transform((title) => title.replace(/\s+/g, " ").trim())
      .pipe(z.string().max(TITLE_MAX, t("notes.create.tooLong", { max: TITLE_MAX }))),
  });

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "notes.create.title");

/** The form is for those who may write notes: readers get a 403, outsiders a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProjectAccess(request, params.projectId, "notes.edit");
  return json({ titleMax: TITLE_MAX });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "notes.edit");
  const title = text(await readForm(request, t), "title");
  const result = validate(newNoteSchema(t), { title });
  if (!result.ok) return json({ fieldErrors: result.fieldErrors, title }, { status: 400 });
  const note = await createNote({ projectId: access.projectId, authorId: user.id, title: result.data.title });
  // The fragment tells the note page to write the title into the empty text (models/notes/new-note.ts).
  return redirect(`/projects/${access.projectId}/notes/${note.id}${NEW_NOTE_HASH}`);
}

// Offline, the form stays as typed and says the note was not created.
export const clientAction = (args: ClientActionFunctionArgs) => sendOrKeep<typeof action>(args);
export const shouldRevalidate = skipRevalidationWhenNotSent;

export default function NewNotePage() {
  const t = useT();
  const { titleMax } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof clientAction>();
  const notSent = isNotSent(answer);
  const refused = notSent ? undefined : answer;
  const busy = useNavigation().formMethod === "POST";
  const projectId = useParams().projectId!;
  return (
    <section className="panel stack" aria-labelledby="note-new-title">
      <h2 id="note-new-title">{t("notes.create.title")}</h2>
      {notSent ? (
        <p role="alert" className="notice">
          {t("offline.notCreated")}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <p>{t("notes.create.intro")}</p>
        <TextField
          name="title"
          label={t("notes.create.field")}
          hint={t("notes.create.hint", { max: titleMax })}
          error={refused?.fieldErrors.title}
          defaultValue={refused?.title ?? ""}
          maxLength={titleMax}
          autoComplete="off"
          // The page is only this question: the cursor waits in its field.
          autoFocus
        />
        <p className="inline-form">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("notes.create.busy") : t("notes.create.submit")}
          </button>
          <Link to={`/projects/${projectId}/notes`} className="button">
            {t("notes.create.cancel")}
          </Link>
        </p>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
