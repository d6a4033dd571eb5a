import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useT } from "~/i18n/use-translation";
import { FORM_FIELDS, unansweredRequired, type AnswerErrors } from "~/models/surveys/survey-answers";
import type { SurveyDefinition } from "~/models/surveys/survey-definition";
import { ErrorSummary, SurveyQuestions } from "../survey-form/survey-form";
import { queueStorageKey, readQueue, sendResponse, writeQueue, type QueuedResponse } from "./field-queue";

const RETRY_MS = 20_000;

/**
 * Field entry that keeps working offline: online, a response is sent at once (and its errors
 * shown in the form); offline, or when the server cannot be reached, it waits in this
 * device's queue and goes, once, when the connection returns.
 */
export function FieldEntry({
  definition,
  versionId,
  postUrl,
  userId,
  surveyId,
}: {
  definition: SurveyDefinition;
  versionId: string;
  postUrl: string;
  userId: string;
  surveyId: string;
}) {
  const t = useT();
  const storageKey = queueStorageKey(userId, surveyId);
  const [queue, setQueue] = useState<QueuedResponse[]>([]);
  const [online, setOnline] = useState(true);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(0);
  const [message, setMessage] = useState<"saved" | "queued" | null>(null);
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [submissionKey, setSubmissionKey] = useState("");
  // The server answered with a redirect to the login page: responses stay queued until the member logs in again.
  const [signedOut, setSignedOut] = useState(false);
  const busy = useRef(false);

  const update = useCallback(
    (change: (queue: QueuedResponse[]) => QueuedResponse[]) => {
      // Always from storage: another tab may have sent or queued some meanwhile.
      const next = change(readQueue(storageKey));
      writeQueue(storageKey, next);
      setQueue(next);
    },
    [storageKey],
  );

  const flush = useCallback(async () => {
    if (busy.current || !navigator.onLine) return;
    busy.current = true;
    setSending(true);
    try {
      for (const item of readQueue(storageKey).filter((i) => !i.refused)) {
        const result = await sendResponse(postUrl, item.fields);
        if (result.kind === "signedOut") setSignedOut(true);
        if (result.kind === "unreachable" || result.kind === "signedOut") break;
        setSignedOut(false);
        if (result.kind === "sent") setSent((n) => n + 1);
        update((q) =>
          result.kind === "sent"
            ? q.filter((i) => i.submissionKey !== item.submissionKey)
            : q.map((i) => (i.submissionKey === item.submissionKey ? { ...i, refused: result.message } : i)),
        );
      }
    } finally {
      busy.current = false;
      setSending(false);
    }
  }, [postUrl, storageKey, update]);

  useEffect(() => {
    setSubmissionKey(crypto.randomUUID());
    setQueue(readQueue(storageKey));
    setOnline(navigator.onLine);
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    const timer = setInterval(() => void flush(), RETRY_MS);
    void flush();
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      clearInterval(timer);
    };
  }, [flush, storageKey]);

  function nextForm(outcome: "saved" | "queued") {
    setErrors({});
    setFormError(null);
    setMessage(outcome);
    setSubmissionKey(crypto.randomUUID());
    setFormKey((k) => k + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = [...new FormData(event.currentTarget).entries()].filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    const item: QueuedResponse = { submissionKey, fields, queuedAt: new Date().toISOString() };
    // Offline, a forgotten answer is pointed out now: refused hours later, it could not be corrected.
    const unanswered = navigator.onLine ? {} : unansweredRequired(definition, new FormData(event.currentTarget));
    if (Object.keys(unanswered).length > 0) {
      setMessage(null);
      setFormError(null);
      setErrors(Object.fromEntries(Object.entries(unanswered).map(([id, key]) => [id, t(key)])));
      return;
    }
    if (!navigator.onLine) {
      update((q) => [...q, item]);
      nextForm("queued");
      return;
    }
    const result = await sendResponse(postUrl, fields);
    if (result.kind === "sent") {
      setSent((n) => n + 1);
      nextForm("saved");
    } else if (result.kind === "unreachable" || result.kind === "signedOut") {
      setSignedOut(result.kind === "signedOut");
      update((q) => [...q, item]);
      nextForm("queued");
    } else {
      setMessage(null);
      setErrors(result.errors);
      setFormError(Object.keys(result.errors).length ? null : result.message);
    }
  }

  const loginReturn = () => (typeof window === "undefined" ? "/" : window.location.pathname);
  const waiting = queue.filter((i) => !i.refused);
  const refused = queue.filter((i) => i.refused);
  return (
    <div className="stack">
      <div className="notice queue-status" role="status">
        <p>
          <strong>{online ? t("surveyAnswers.collect.online") : t("surveyAnswers.collect.offline")}</strong>
          {" · "}
          {waiting.length === 0
            ? t("surveyAnswers.collect.queueNone")
            : waiting.length === 1
              ? t("surveyAnswers.collect.queueOne")
              : t("surveyAnswers.collect.queueCount", { count: waiting.length })}
          {sending ? ` ${t("surveyAnswers.collect.sending")}` : ""}
        </p>
        {sent > 0 ? (
          <p>
            {sent === 1 ? t("surveyAnswers.collect.sentOne") : t("surveyAnswers.collect.sentCount", { count: sent })}
          </p>
        ) : null}
        {message ? (
          <p>{t(message === "saved" ? "surveyAnswers.collect.saved" : "surveyAnswers.collect.queued")}</p>
        ) : null}
        {signedOut ? (
          <p>
            {t("surveyAnswers.collect.signedOut")}{" "}
            <a href={`/login?redirectTo=${encodeURIComponent(loginReturn())}`}>{t("surveyAnswers.collect.logIn")}</a>
          </p>
        ) : null}
        {waiting.length > 0 && online && !sending ? (
          <button type="button" className="button small" onClick={() => void flush()}>
            {t("surveyAnswers.collect.sendNow")}
          </button>
        ) : null}
      </div>
      {refused.length > 0 ? (
        <ul className="queue-list">
          {refused.map((item) => (
            <li key={item.submissionKey}>
              {t("surveyAnswers.collect.refused", { reason: item.refused! })}{" "}
              <button
                type="button"
                className="button small danger"
                onClick={() => update((q) => q.filter((i) => i.submissionKey !== item.submissionKey))}
              >
                {t("surveyAnswers.collect.discard")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary definition={definition} errors={errors} formError={formError} idPrefix="field-" />
      <form method="post" action={postUrl} noValidate onSubmit={onSubmit} className="survey-form stack" key={formKey}>
        <input type="hidden" name={FORM_FIELDS.versionId} value={versionId} />
        <input type="hidden" name={FORM_FIELDS.submissionKey} value={submissionKey} />
        <SurveyQuestions definition={definition} errors={errors} idPrefix="field-" />
        <p>
          <button type="submit" className="button primary" disabled={!submissionKey}>
            {t("surveyAnswers.collect.submit")}
          </button>
        </p>
      </form>
    </div>
  );
}
