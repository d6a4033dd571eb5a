import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import { DueLine } from "./saisine-list";

export type OpenSaisine = { id: string; question: string; title: string; dueOn: string | null; overdue: boolean };

/** The project's open saisines with their due days, on its home page. */
export function OpenSaisinesPanel({ saisines, projectId }: { saisines: OpenSaisine[]; projectId: string }) {
  const t = useT();
  const base = `/projects/${projectId}/council`;
  return (
    <section aria-labelledby="saisines-title" className="panel">
      <h2 id="saisines-title">{t("council.home.title")}</h2>
      {saisines.length ? (
        <ul>
          {saisines.map((s) => (
            <li key={s.id}>
              <Link to={`${base}/${s.id}`}>{s.title || s.question}</Link>{" "}
              <span className="muted">
                <DueLine dueOn={s.dueOn} overdue={s.overdue} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("council.home.none")}</p>
      )}
      <p>
        <Link to={base}>{t("council.home.all")}</Link>
      </p>
    </section>
  );
}
