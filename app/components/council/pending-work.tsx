import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import { DueLine } from "./saisine-list";

export type PendingWork = {
  findings: { id: string; projectId: string; title: string; projectTitle: string }[];
  saisines: {
    id: string;
    projectId: string;
    question: string;
    title: string;
    dueOn: string | null;
    overdue: boolean;
    projectTitle: string;
  }[];
};

/** "À traiter": a council reviewer's pending work, first on the page they land on. */
export function PendingWorkPanel({ work }: { work: PendingWork }) {
  const t = useT();
  const nothing = !work.findings.length && !work.saisines.length;
  return (
    <section className="panel stack pending-work" aria-labelledby="pending-title">
      <h2 id="pending-title">{t("council.pending.title")}</h2>
      {nothing ? <p>{t("council.pending.nothing")}</p> : <p className="muted">{t("council.pending.intro")}</p>}
      {work.findings.length ? (
        <>
          <h3 id="pending-findings-title">{t("council.pending.findings")}</h3>
          <ul aria-labelledby="pending-findings-title">
            {work.findings.map((f) => (
              <li key={f.id}>
                <Link to={`/projects/${f.projectId}/findings/${f.id}`}>{f.title || t("findings.untitled")}</Link>{" "}
                <span className="muted">— {f.projectTitle}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {work.saisines.length ? (
        <>
          <h3 id="pending-saisines-title">{t("council.pending.saisines")}</h3>
          <ul aria-labelledby="pending-saisines-title">
            {work.saisines.map((s) => (
              <li key={s.id}>
                <Link to={`/projects/${s.projectId}/council/${s.id}`}>{s.title || s.question}</Link>{" "}
                <span className="muted">
                  — {s.projectTitle} · <DueLine dueOn={s.dueOn} overdue={s.overdue} />
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
