import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

/**
 * "Échange avec les logiciels d'analyse qualitative": the REFI-QDA downloads (anyone who reads
 * the project) and the codebook import (those who manage codes), a section of the codes page.
 * Downloads are plain links (`reloadDocument`): the browser saves the file, without JavaScript too.
 */
export function QdaExchange({ projectId, canImport }: { projectId: string; canImport: boolean }) {
  const t = useT();
  const base = `/projects/${projectId}/codes`;
  return (
    <section className="stack" aria-labelledby="qda-exchange-title">
      <h3 id="qda-exchange-title">{t("qda.title")}</h3>
      <p>{t("qda.intro")}</p>
      <ul className="stack">
        <li>
          <Link to={`${base}/export.qdc`} reloadDocument download>
            {t("qda.exportCodebook")}
          </Link>
        </li>
        <li>
          <Link to={`${base}/export.qdpx`} reloadDocument download>
            {t("qda.exportProject")}
          </Link>
        </li>
        {canImport ? (
          <li>
            <Link to={`${base}/import`}>{t("qda.importCodebook")}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
